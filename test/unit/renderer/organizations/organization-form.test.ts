import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../../src/shared/domain';
import {
  emptyForm,
  formFromOrganization,
  normalizeWebsite,
  toCreateFields,
  toUpdateFields,
  validateOrganizationForm,
} from '../../../../src/renderer/screens/organizations/organization-form';

const org: Organization = {
  id: 'org_1',
  name: 'Müller & Söhne Maschinenbau GmbH',
  email: 'info@mueller-soehne.de',
  website: 'https://www.mueller-soehne.de',
  size: 240,
  industry: 'Maschinenbau',
  phoneNumber: '+49 30 1234567',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};

const form = (values: Partial<typeof emptyForm>) => ({ ...emptyForm, name: 'Neue Firma GmbH', ...values });

describe('validateOrganizationForm', () => {
  it('accepts a name alone', () => {
    expect(validateOrganizationForm(form({}))).toEqual({});
  });

  it('requires a name that is more than spaces', () => {
    expect(validateOrganizationForm(form({ name: '   ' }))).toEqual({ name: 'required' });
  });

  it('limits the name to 200 characters', () => {
    expect(validateOrganizationForm(form({ name: 'x'.repeat(200) }))).toEqual({});
    expect(validateOrganizationForm(form({ name: 'x'.repeat(201) }))).toEqual({ name: 'tooLong' });
  });

  it.each([
    ['info@neue-firma.de', undefined],
    ['first.last+tag@example.co.uk', undefined],
    ['info@', 'email'],
    ['info@localhost', 'email'],
    ['two words@example.com', 'email'],
  ])('checks the email %s', (email, expected) => {
    expect(validateOrganizationForm(form({ email })).email).toBe(expected);
  });

  it.each([
    ['https://neue-firma.de', undefined],
    ['http://neue-firma.de/kontakt?x=1', undefined],
    ['neue-firma.de', undefined],
    ['https://bäckerei-schmidt.de', undefined],
    ['ftp://neue-firma.de', 'website'],
    ['javascript:alert(1)', 'website'],
    ['https://localhost', 'website'],
    ['https://user:pw@neue-firma.de', 'website'],
    ['not a website', 'website'],
  ])('checks the website %s', (website, expected) => {
    expect(validateOrganizationForm(form({ website })).website).toBe(expected);
  });

  it.each([
    ['0', undefined],
    ['240', undefined],
    [' 12 ', undefined],
    ['-1', 'size'],
    ['1.5', 'size'],
    ['1.200', 'size'],
    ['zehn', 'size'],
    ['99999999999999999', 'size'],
  ])('checks the size %s', (size, expected) => {
    expect(validateOrganizationForm(form({ size })).size).toBe(expected);
  });

  it.each([
    ['+49 30 1234567', undefined],
    ['(030) 123-45.67', undefined],
    ['0800/123456', undefined],
    ['+49 30 CALL-ME', 'phoneCharacters'],
    ['1234', 'phoneDigits'],
    ['+1234567890123456', 'phoneDigits'],
  ])('checks the phone number %s', (phoneNumber, expected) => {
    expect(validateOrganizationForm(form({ phoneNumber })).phoneNumber).toBe(expected);
  });

  it('reports every problem at once', () => {
    expect(validateOrganizationForm({ name: '', email: 'x', website: 'y y', size: '-2', industry: 'i'.repeat(201), phoneNumber: 'abc' })).toEqual({
      name: 'required',
      email: 'email',
      website: 'website',
      size: 'size',
      industry: 'tooLong',
      phoneNumber: 'phoneCharacters',
    });
  });

  it('accepts an edit that empties optional fields, and sends them as null to clear them', () => {
    const values = { ...formFromOrganization(org), email: '', industry: '  ' };
    expect(validateOrganizationForm(values)).toEqual({});
    expect(toUpdateFields(values, org)).toEqual({ email: null, industry: null });
  });

  it('lets an edit leave fields empty that were empty before, sending nothing for them', () => {
    const sparse: Organization = { id: 'o', name: 'Praxis Dr. Keller', createdAt: org.createdAt, updatedAt: org.updatedAt };
    expect(validateOrganizationForm(formFromOrganization(sparse))).toEqual({});
    expect(toUpdateFields(formFromOrganization(sparse), sparse)).toEqual({});
  });
});

describe('normalizeWebsite', () => {
  it('adds https:// when no scheme was typed', () => {
    expect(normalizeWebsite(' neue-firma.de ')).toBe('https://neue-firma.de');
    expect(normalizeWebsite('http://neue-firma.de')).toBe('http://neue-firma.de');
    expect(normalizeWebsite('')).toBe('');
  });
});

describe('toCreateFields', () => {
  it('trims, leaves out empty fields and sends the size as a number', () => {
    expect(toCreateFields(form({ name: '  Neue Firma GmbH ', website: 'neue-firma.de', size: '10', industry: ' ' }))).toEqual({
      name: 'Neue Firma GmbH',
      website: 'https://neue-firma.de',
      size: 10,
    });
  });
});

describe('toUpdateFields', () => {
  it('is empty when nothing changed', () => {
    expect(toUpdateFields(formFromOrganization(org), org)).toEqual({});
  });

  it('sends only the changed fields', () => {
    const values = { ...formFromOrganization(org), size: '250', industry: 'Anlagenbau' };
    expect(toUpdateFields(values, org)).toEqual({ size: 250, industry: 'Anlagenbau' });
  });

  it('adds a field that was not set before', () => {
    const sparse: Organization = { id: 'o', name: 'Praxis Dr. Keller', createdAt: org.createdAt, updatedAt: org.updatedAt };
    expect(toUpdateFields({ ...formFromOrganization(sparse), email: 'praxis@praxis-keller.de' }, sparse)).toEqual({ email: 'praxis@praxis-keller.de' });
  });
});

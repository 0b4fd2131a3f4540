// The create/edit form's rules, checked before anything is sent so the agent sees every problem
// at once, in their language, next to its field. The rules mirror the contract and the server
// (name 1–200, zod's email, http(s) address with a domain, whole size ≥ 0, phone of 5–15 digits),
// so a form that passes here is rarely refused there; when it is, the server's message is shown.
import type { CallInput } from '../../../shared/ipc';
import type { Organization } from '../../../shared/domain';
import { EMAIL_PATTERN, isWebAddress } from './organization-format';

export type OrganizationFields = CallInput<'organizations.create'>['fields'];
export type OrganizationPatch = CallInput<'organizations.update'>['fields'];

/** What the inputs hold: text, exactly as typed (the form keeps it when a save fails). */
export interface OrganizationFormValues {
  name: string;
  email: string;
  website: string;
  size: string;
  industry: string;
  phoneNumber: string;
}
export type FormField = keyof OrganizationFormValues;

export type FormErrorCode =
  | 'required'
  | 'tooLong'
  | 'email'
  | 'website'
  | 'size'
  | 'phoneCharacters'
  | 'phoneDigits';
export type FormErrors = Partial<Record<FormField, FormErrorCode>>;

export const formFields: readonly FormField[] = ['name', 'email', 'website', 'size', 'industry', 'phoneNumber'];

export const maxLength: Record<FormField, number> = {
  name: 200,
  email: 254,
  website: 2048,
  size: 16,
  industry: 200,
  phoneNumber: 40,
};

export const emptyForm: OrganizationFormValues = { name: '', email: '', website: '', size: '', industry: '', phoneNumber: '' };

export function formFromOrganization(org: Organization): OrganizationFormValues {
  return {
    name: org.name,
    email: org.email ?? '',
    website: org.website ?? '',
    size: org.size === undefined ? '' : String(org.size),
    industry: org.industry ?? '',
    phoneNumber: org.phoneNumber ?? '',
  };
}

/** "mueller.de" → "https://mueller.de": people rarely type the scheme. Other input is left alone. */
export function normalizeWebsite(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return `https://${trimmed}`;
}

const PHONE_CHARACTERS = /^\+?[0-9 ()./-]+$/;

function fieldError(field: FormField, raw: string): FormErrorCode | undefined {
  const value = raw.trim();
  if (field === 'name' && value === '') return 'required';
  if (value === '') return undefined;
  // A too-long size is simply not a usable number: it gets the size message.
  if (field !== 'size' && value.length > maxLength[field]) return 'tooLong';
  switch (field) {
    case 'email':
      return EMAIL_PATTERN.test(value) ? undefined : 'email';
    case 'website':
      return isWebAddress(normalizeWebsite(value)) ? undefined : 'website';
    case 'size':
      return /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? undefined : 'size';
    case 'phoneNumber': {
      if (!PHONE_CHARACTERS.test(value)) return 'phoneCharacters';
      const digits = value.replace(/\D/g, '').length;
      return digits >= 5 && digits <= 15 ? undefined : 'phoneDigits';
    }
    default:
      return undefined;
  }
}

/** Every problem with the form, by field. */
export function validateOrganizationForm(values: OrganizationFormValues): FormErrors {
  const errors: FormErrors = {};
  for (const field of formFields) {
    const error = fieldError(field, values[field]);
    if (error) errors[field] = error;
  }
  return errors;
}

export const hasErrors = (errors: FormErrors): boolean => Object.keys(errors).length > 0;

/** The fields to send for a new organization: trimmed, empty ones left out. Call after validating. */
export function toCreateFields(values: OrganizationFormValues): OrganizationFields {
  const text = (value: string) => {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const email = text(values.email);
  const website = text(values.website);
  const size = text(values.size);
  const industry = text(values.industry);
  const phoneNumber = text(values.phoneNumber);
  return {
    name: values.name.trim(),
    ...(email !== undefined && { email }),
    ...(website !== undefined && { website: normalizeWebsite(website) }),
    ...(size !== undefined && { size: Number(size) }),
    ...(industry !== undefined && { industry }),
    ...(phoneNumber !== undefined && { phoneNumber }),
  };
}

/**
 * Only what changed against `original`, so an edit never overwrites a field nobody touched; an
 * optional field the agent emptied is sent as null, which clears it.
 */
export function toUpdateFields(values: OrganizationFormValues, original: Organization): OrganizationPatch {
  const next = toCreateFields(values);
  const changed: OrganizationPatch = {};
  if (next.name !== original.name) changed.name = next.name;
  for (const field of ['email', 'website', 'size', 'industry', 'phoneNumber'] as const) {
    if (next[field] === original[field]) continue;
    Object.assign(changed, { [field]: next[field] ?? null });
  }
  return changed;
}

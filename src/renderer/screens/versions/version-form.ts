// The "Create version" form's rules, as the contract has them (name 1–200, description ≤ 2000),
// checked before sending so problems show next to their field.
import type { Version } from '../../../shared/domain';

export interface VersionFormValues {
  name: string;
  description: string;
  environment: Version['environment'];
}
export type VersionFormErrors = Partial<Record<'name' | 'description', 'required' | 'tooLong'>>;

export const emptyVersionForm: VersionFormValues = { name: '', description: '', environment: 'dev' };
export const versionLimits = { name: 200, description: 2000 } as const;

export function validateVersionForm(values: VersionFormValues): VersionFormErrors {
  const errors: VersionFormErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'required';
  else if (name.length > versionLimits.name) errors.name = 'tooLong';
  if (values.description.trim().length > versionLimits.description) errors.description = 'tooLong';
  return errors;
}

/** The contract's input for versions.create (without the chatbot), trimmed; no empty description. */
export function toCreateVersion(values: VersionFormValues): { name: string; description?: string; environment: Version['environment'] } {
  const description = values.description.trim();
  return { name: values.name.trim(), environment: values.environment, ...(description !== '' && { description }) };
}

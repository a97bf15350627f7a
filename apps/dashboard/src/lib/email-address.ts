const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with an email address typed in a form, or undefined when it looks right. */
export function emailAddressError(value: string): string | undefined {
  if (!value.trim()) return 'Enter your email address';
  if (!EMAIL.test(value.trim())) return 'Enter a valid email address, like you@store.com';
  return undefined;
}

// What SES accepts as an email address or a domain name: the usual RFC 5321/1035 shapes in
// ASCII. Strings outside them are answered with InvalidParameterValue.

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

export function isDomainName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  const labels = text.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

export function isEmailAddress(text: string): boolean {
  if (text.length > 254) return false;
  const at = text.lastIndexOf('@');
  if (at <= 0) return false;
  const local = text.slice(0, at);
  return local.length <= 64 && LOCAL_PART.test(local) && isDomainName(text.slice(at + 1));
}

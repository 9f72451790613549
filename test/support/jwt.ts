import { SignJWT } from 'jose';

export const JWT_ENV = {
  JWT_SECRET: 'test-hs256-secret-of-at-least-32-characters!',
  JWT_ISSUER: 'https://idp.example.gov.cn',
  JWT_AUDIENCE: 'procurement-register',
};

/** A token as the identity provider of JWT_ENV would sign it; `claims`/`options` bend it for the 401 cases. */
export async function signToken(
  claims: Record<string, unknown> = {},
  options: { secret?: string; issuer?: string; audience?: string; expiresIn?: string | number | null; subject?: string | null } = {},
): Promise<string> {
  let jwt = new SignJWT({ roles: ['procurement_officer'], departments: ['731'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setIssuer(options.issuer ?? JWT_ENV.JWT_ISSUER)
    .setAudience(options.audience ?? JWT_ENV.JWT_AUDIENCE);
  if (options.subject !== null) jwt = jwt.setSubject(options.subject ?? 'zhang.wei@731');
  if (options.expiresIn !== null) jwt = jwt.setExpirationTime(options.expiresIn ?? '10m');
  return jwt.sign(new TextEncoder().encode(options.secret ?? JWT_ENV.JWT_SECRET));
}

import { describe, expect, it } from 'vitest';
import { setCookies } from './affinity-cookies';

describe('setCookies', () => {
  it('names the load balancer behind an affinity cookie, and keeps names only', () => {
    const cookies = setCookies([
      ['Set-Cookie', 'AWSALB=[redacted]; Path=/'],
      ['set-cookie', 'AWSALBAPP-0=[redacted]; Path=/'],
      ['set-cookie', 'ARRAffinitySameSite=[redacted]; Secure'],
      ['set-cookie', 'INGRESSCOOKIE=[redacted]'],
      ['set-cookie', '__cflb=[redacted]'],
      ['set-cookie', 'theme=dark'],
    ]);
    expect(cookies).toEqual([
      { name: 'AWSALB', balancer: 'AWS Application Load Balancer stickiness' },
      { name: 'AWSALBAPP-0', balancer: 'AWS Application Load Balancer stickiness' },
      { name: 'ARRAffinitySameSite', balancer: 'Azure App Service ARR affinity' },
      { name: 'INGRESSCOOKIE', balancer: 'ingress-nginx cookie affinity' },
      { name: '__cflb', balancer: 'Cloudflare Load Balancing session affinity' },
      { name: 'theme', balancer: null },
    ]);
  });

  it('reads a bounded number of cookies, and no name longer than 64 characters', () => {
    const many = Array.from({ length: 50 }, (_, i): [string, string] => ['set-cookie', `c${i}=v`]);
    expect(setCookies(many)).toHaveLength(10);
    expect(setCookies([['set-cookie', `${'n'.repeat(500)}=v`]])[0]?.name).toHaveLength(64);
  });

  it('a look-alike name is not an affinity cookie', () => {
    expect(setCookies([['set-cookie', 'AWSALBX=1']])).toEqual([
      { name: 'AWSALBX', balancer: null },
    ]);
  });
});

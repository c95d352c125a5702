import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Next copies each request body the proxy sees into memory, 10 MB of it by default, before
    // proxy.ts can refuse it. Every route behind the proxy takes at most 64 KB
    // (lib/api/read-json.ts MAX_BODY_BYTES, checked by Content-Length in proxy.ts); the 20 MB
    // import is not behind it.
    proxyClientMaxBodySize: 64 * 1024,
  },
};

export default nextConfig;

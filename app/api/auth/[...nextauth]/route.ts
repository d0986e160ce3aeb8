import { handlers } from '@/lib/next/auth';

// Auth.js's own endpoints (session, CSRF token, callbacks): public by nature.
export const { GET, POST } = handlers;

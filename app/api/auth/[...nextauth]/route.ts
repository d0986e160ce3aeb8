import { handlers } from '@/lib/auth/auth';

// Auth.js's own endpoints (session, CSRF token, callbacks): public by nature.
export const { GET, POST } = handlers;

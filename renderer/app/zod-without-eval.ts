import { z } from 'zod';

// Zod compiles fast validators with `new Function` when it can, and probes for that at
// start-up. Our CSP forbids eval, so the probe would log a violation in every window:
// tell zod up front to use its interpreter instead. Imported first by main.tsx.
z.config({ jitless: true });

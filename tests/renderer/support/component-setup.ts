import { configure } from '@testing-library/react';

// Component tests save and read real files through main's real services; on a busy machine
// that takes longer than Testing Library's default second. A wait still ends the moment its
// condition holds: this only moves the point where a wait gives up and fails.
configure({ asyncUtilTimeout: 10_000 });

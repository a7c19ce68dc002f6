import type { RouteId } from '../app/routes.ts';

export type ScreenProps = {
  /** True when the user moved here, false when the app opened here. */
  focusOnMount: boolean;
  onNavigate: (id: RouteId) => void;
};

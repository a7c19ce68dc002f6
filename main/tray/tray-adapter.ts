import type { MenuItemConstructorOptions, NativeImage, Tray as ElectronTray, Menu as ElectronMenu } from 'electron';
import { iconImages } from './tray-icons.ts';
import type { TrayAction, TrayMenuItem, TrayView } from './tray-model.ts';

// Applies a TrayView to an Electron Tray, touching only what changed. Electron's classes
// arrive as parameters (the Signal Desktop way), so tests run it against the stand-in.

export type TrayElectron = {
  Tray: new (image: NativeImage) => ElectronTray;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): ElectronMenu };
  nativeImage: { createFromBuffer(buffer: Buffer, options?: { scaleFactor?: number }): NativeImage };
};

export type TrayAdapter = {
  apply(view: TrayView): void;
  destroy(): void;
};

export function toMenuTemplate(items: TrayMenuItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'note':
        return { label: item.label, enabled: false };
      case 'submenu':
        return { label: item.label, submenu: toMenuTemplate(item.items, onAction) };
      case 'action':
        return { id: item.action, label: item.label, enabled: item.enabled, click: () => onAction(item.action) };
    }
  });
}

function imageFor(electron: TrayElectron, view: TrayView): NativeImage {
  const { scale1, scale2 } = iconImages(view.icon, view.template);
  const image = electron.nativeImage.createFromBuffer(scale1, { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: scale2 });
  if (view.template) image.setTemplateImage(true);
  return image;
}

/** Creates the tray; throws if the platform has none (the caller falls back). */
export function createTrayAdapter(electron: TrayElectron, initial: TrayView, onAction: (action: TrayAction) => void, platform: string): TrayAdapter {
  const tray = new electron.Tray(imageFor(electron, initial));
  let shown: TrayView | null = null;
  // Windows and most Linux panels open the window on a left click; macOS shows the menu.
  if (platform === 'win32') tray.on('click', () => onAction('open'));

  const apply = (view: TrayView) => {
    if (shown !== null && shown.icon !== view.icon) tray.setImage(imageFor(electron, view));
    if (shown?.tooltip !== view.tooltip) tray.setToolTip(view.tooltip);
    if (platform === 'darwin' && shown?.title !== view.title) tray.setTitle(view.title);
    if (shown === null || JSON.stringify(shown.menu) !== JSON.stringify(view.menu)) {
      // Linux panels only pick up a changed menu when it is set again.
      tray.setContextMenu(electron.Menu.buildFromTemplate(toMenuTemplate(view.menu, onAction)));
    }
    shown = view;
  };
  apply(initial);
  return {
    apply,
    destroy: () => tray.destroy(),
  };
}

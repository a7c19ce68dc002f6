// "Take it away": a chart's data as CSV and the chart as PNG, both made in the page and
// handed to the browser's download as a blob: URL (allowed by the CSP; no network, no eval).
// The PNG is drawn from the chart's own SVG: styles that come from our stylesheet (colours
// as CSS variables) are copied onto the clone first, since an SVG drawn as an image sees no
// page styles. They go on as presentation attributes (fill="…"), which the CSP allows.

/** Starts a download of `blob` named `fileName`. Tests replace this to capture the file. */
export function triggerDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(csv: string, fileName: string): void {
  triggerDownload(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
}

const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility',
] as const;

function inlineStyles(source: Element, target: Element): void {
  // Presentation attributes, not a style attribute: the CSP forbids inline styles.
  const computed = getComputedStyle(source);
  for (const prop of STYLE_PROPS) {
    const value = computed.getPropertyValue(prop);
    if (value) target.setAttribute(prop, value);
  }
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i += 1) {
    const s = sourceChildren[i];
    const t = targetChildren[i];
    if (s && t) inlineStyles(s, t);
  }
}

/**
 * Draws the chart's pictures on a canvas (2× for sharpness, on the page background) and
 * downloads a PNG. A chart of several pictures (the five signs) is drawn as they sit on
 * the page, each with the name its box carries in data-png-label written above it.
 */
export async function saveSvgAsPng(svgs: readonly SVGSVGElement[], fileName: string, title: string): Promise<void> {
  const first = svgs[0];
  if (!first) throw new Error('There is no picture to save yet.');
  const boxes = svgs.map((svg) => svg.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const width = Math.max(...boxes.map((b) => b.right)) - left;
  const height = Math.max(...boxes.map((b) => b.bottom)) - top;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const clone = document.createElementNS(SVG_NS, 'svg');
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  svgs.forEach((svg, i) => {
    const part = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, part);
    part.setAttribute('x', String(boxes[i]!.left - left));
    part.setAttribute('y', String(boxes[i]!.top - top));
    clone.append(part);
    const name = svg.closest('[data-png-label]')?.getAttribute('data-png-label');
    if (name && svgs.length > 1) {
      const text = document.createElementNS(SVG_NS, 'text');
      text.textContent = name;
      text.setAttribute('x', String(boxes[i]!.left - left + 40));
      text.setAttribute('y', String(boxes[i]!.top - top + 12));
      text.setAttribute('font-size', '12');
      text.setAttribute('font-weight', '650');
      text.setAttribute('font-family', getComputedStyle(document.body).fontFamily);
      text.setAttribute('fill', getComputedStyle(document.body).color);
      clone.append(text);
    }
  });
  const label = document.createElementNS(SVG_NS, 'title');
  label.textContent = title;
  clone.prepend(label);
  const markup = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This window cannot draw images.');
    context.fillStyle = getComputedStyle(document.body).backgroundColor || '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image could not be made.');
    triggerDownload(blob, fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
}

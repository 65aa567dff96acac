/**
 * WCAG AA contrast, measured in the page (Chromium): every visible piece of text against the
 * background it actually sits on. Node side exports one function that runs the check in a page.
 */
import type { Page } from 'playwright-core';

export interface ContrastProblem {
  readonly text: string;
  readonly ratio: number;
  readonly required: number;
  readonly color: string;
  readonly background: string;
}

/** Text of disabled controls is exempt (WCAG 1.4.3), as is visually hidden text. */
export function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  return page.evaluate(() => {
    const rgba = (css: string): [number, number, number, number] => {
      const parts = css.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 1];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const backgroundOf = (element: Element): number[] => {
      // Opaque backgrounds only in this UI; the first non-transparent ancestor decides.
      for (let node: Element | null = element; node; node = node.parentElement) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if (color[3] > 0.5) return color;
      }
      return [255, 255, 255, 1];
    };

    const problems: ContrastProblem[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const ownText = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (!ownText || element.closest('.visually-hidden, :disabled, option')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;

      const style = getComputedStyle(element);
      const fg = rgba(style.color);
      const bg = backgroundOf(element);
      const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [
        number,
        number,
      ];
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const required = large ? 3 : 4.5;
      if (ratio < required) {
        problems.push({
          text: ownText.slice(0, 40),
          ratio: Math.round(ratio * 100) / 100,
          required,
          color: style.color,
          background: `rgb(${bg.slice(0, 3).join(', ')})`,
        });
      }
    }
    return problems;
  });
}

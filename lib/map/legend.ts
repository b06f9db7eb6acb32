/**
 * Value classes for shading: zero apart, then up to five ranges. Few distinct values get one
 * class each; otherwise bounds grow geometrically, since a few places hold most initiatives.
 */
export interface LegendClass {
  /** 0 for "none", 1..5 for the ranges: the CSS class suffix. */
  index: number;
  min: number;
  max: number;
  label: string;
}

const MAX_CLASSES = 5;

function rangeLabel(min: number, max: number) {
  if (min === 0 && max === 0) return "Aucune initiative";
  return min === max ? `${min}` : `${min} à ${max}`;
}

export function legendClasses(maxCount: number): LegendClass[] {
  const classes: LegendClass[] = [{ index: 0, min: 0, max: 0, label: rangeLabel(0, 0) }];
  if (maxCount <= 0) return classes;
  const uppers: number[] = [];
  if (maxCount <= MAX_CLASSES) {
    for (let value = 1; value <= maxCount; value += 1) uppers.push(value);
  } else {
    for (let k = 1; k <= MAX_CLASSES; k += 1) {
      const upper = Math.max(Math.round(maxCount ** (k / MAX_CLASSES)), (uppers.at(-1) ?? 0) + 1);
      uppers.push(Math.min(upper, maxCount));
    }
  }
  let min = 1;
  for (const max of uppers) {
    if (max < min) continue;
    classes.push({ index: classes.length, min, max, label: rangeLabel(min, max) });
    min = max + 1;
  }
  return classes;
}

export function classOf(count: number, classes: LegendClass[]): number {
  return classes.find((c) => count >= c.min && count <= c.max)?.index ?? 0;
}

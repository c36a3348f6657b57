export interface Line {
  sku: string;
  unitPrice: number;
  quantity: number;
}

/** Whole cents, so totals never drift. */
export function lineTotal(line: Line): number {
  return Math.round(line.unitPrice * 100) * line.quantity;
}

export function discountRate(subtotalCents: number): number {
  if (subtotalCents >= 100_00) return 0.1;
  if (subtotalCents >= 50_00) return 0.05;
  return 0;
}

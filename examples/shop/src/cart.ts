import { discountRate, lineTotal, type Line } from './pricing.js';

export class Cart {
  private readonly lines = new Map<string, Line>();

  add(sku: string, unitPrice: number, quantity = 1): void {
    if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a positive whole number, got ${quantity}`);
    const existing = this.lines.get(sku);
    this.lines.set(sku, { sku, unitPrice, quantity: (existing?.quantity ?? 0) + quantity });
  }

  remove(sku: string): void {
    this.lines.delete(sku);
  }

  itemCount(): number {
    return [...this.lines.values()].reduce((sum, line) => sum + line.quantity, 0);
  }

  subtotalCents(): number {
    return [...this.lines.values()].reduce((sum, line) => sum + lineTotal(line), 0);
  }

  totalCents(): number {
    const subtotal = this.subtotalCents();
    return Math.round(subtotal * (1 - discountRate(subtotal)));
  }
}

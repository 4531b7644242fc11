// A small 2-D DOMMatrix for pdf.js in a JavaScript runtime that has none (Node 20 without the
// optional native @napi-rs/canvas). The legacy pdf.js build evaluates `new DOMMatrix()` when it is
// imported; text extraction and operator lists need nothing more than this. Web workers have a
// native DOMMatrix, which is then left alone.

type Init = ArrayLike<number> | undefined;

export class DOMMatrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  readonly is2D = true;

  constructor(init?: Init) {
    if (init && init.length >= 6) {
      this.a = +init[0];
      this.b = +init[1];
      this.c = +init[2];
      this.d = +init[3];
      this.e = +init[4];
      this.f = +init[5];
    }
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }
  get m11() {
    return this.a;
  }
  get m12() {
    return this.b;
  }
  get m21() {
    return this.c;
  }
  get m22() {
    return this.d;
  }
  get m41() {
    return this.e;
  }
  get m42() {
    return this.f;
  }

  private set6(a: number, b: number, c: number, d: number, e: number, f: number): this {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.e = e;
    this.f = f;
    return this;
  }

  /** this = this × m */
  multiplySelf(m: Init | DOMMatrix2D = undefined): this {
    const o = toMatrix(m);
    return this.set6(
      this.a * o.a + this.c * o.b,
      this.b * o.a + this.d * o.b,
      this.a * o.c + this.c * o.d,
      this.b * o.c + this.d * o.d,
      this.a * o.e + this.c * o.f + this.e,
      this.b * o.e + this.d * o.f + this.f,
    );
  }

  /** this = m × this */
  preMultiplySelf(m: Init | DOMMatrix2D = undefined): this {
    const o = toMatrix(m);
    return this.set6(
      o.a * this.a + o.c * this.b,
      o.b * this.a + o.d * this.b,
      o.a * this.c + o.c * this.d,
      o.b * this.c + o.d * this.d,
      o.a * this.e + o.c * this.f + o.e,
      o.b * this.e + o.d * this.f + o.f,
    );
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf([1, 0, 0, 1, tx, ty]);
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf([sx, 0, 0, sy, 0, 0]);
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det || !Number.isFinite(det)) return this.set6(Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN);
    const { a, b, c, d, e, f } = this;
    return this.set6(d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det);
  }

  multiply(m?: Init | DOMMatrix2D): DOMMatrix2D {
    return new DOMMatrix2D(this.toArray()).multiplySelf(m);
  }
  translate(tx = 0, ty = 0): DOMMatrix2D {
    return new DOMMatrix2D(this.toArray()).translateSelf(tx, ty);
  }
  scale(sx = 1, sy = sx): DOMMatrix2D {
    return new DOMMatrix2D(this.toArray()).scaleSelf(sx, sy);
  }
  inverse(): DOMMatrix2D {
    return new DOMMatrix2D(this.toArray()).invertSelf();
  }
  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }
  toArray(): number[] {
    return [this.a, this.b, this.c, this.d, this.e, this.f];
  }
}

function toMatrix(m: Init | DOMMatrix2D): DOMMatrix2D {
  return m instanceof DOMMatrix2D ? m : new DOMMatrix2D(m ?? undefined);
}

/** Puts DOMMatrix2D on globalThis when the runtime has no DOMMatrix; says whether it did. */
export function installDOMMatrix(): boolean {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix) return false;
  g.DOMMatrix = DOMMatrix2D;
  return true;
}

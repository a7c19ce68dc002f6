// The low bins of the 512-point spectrum of 128 real samples zero-padded to 512: what every
// coherence window needs (coherence-spectrum.ts), 17,000 times for a 24-hour recording.
//
// Why hand-written: a general FFT (fft.js, 256-point complex) spent most of its time on
// inputs known to be zero, and in V8 each pass of a transform over its array costs more than
// its arithmetic (every element read and written back through bounds-checked typed-array
// access). This transform is fixed in size, pruned, and makes two passes:
//
// 1. Even and odd samples are packed as 64 complex values z_m = x_2m + i·x_2m+1, whose
//    256-point transform Z gives the 512-point one of the real samples by the classic split:
//    X_k = E_k + W512^k·O_k with E = (Z_k + conj Z_256−k)/2, O = (Z_k − conj Z_256−k)/(2i).
// 2. Z is a radix-16 decimation in frequency, m = j + 16l, 16t + s:
//      Z_16t+s = Σ_j W16^jt · [W256^sj · Σ_l z_j+16l · W16^sl].
//    Only l = 0…3 is nonzero (the zero-padding), so the bracket, for all 16 rows s at once,
//    is four 4-point DFTs of the four z's, pre-twiddled by constants (firstStage).
// 3. Each row's 16-point DFT over j is written out in full, 4 × 4 (sixteenPointDfts): a
//    loop over its columns through a scratch array was 20 % slower, fft.js 1.7 times as slow.
//
// W_N^e is exp(−2πi·e/N). Only bins 0…lastBin of X are formed. The rounding differs from a
// general FFT's in the last bits (tests/shared/signal/padded-spectrum.test.ts checks every
// bin against a direct DFT).

/** Real samples the transform takes; the rest of the 512 are zeros. */
export const PADDED_SPECTRUM_SAMPLES = 128;
const NFFT = 512;
const HALF = NFFT / 2; // points of the packed transform
const ROWS = 16;

const COS_PI_8 = Math.cos(Math.PI / 8);
const SIN_PI_8 = Math.sin(Math.PI / 8);
const SQRT_HALF = Math.SQRT1_2;
/** W256^(s·j) at [16·s + j]: the rows' twiddles. */
const ROW_TWIDDLE_RE = Float64Array.from({ length: HALF }, (_, at) => Math.cos((-2 * Math.PI * (at >> 4) * (at & 15)) / HALF));
const ROW_TWIDDLE_IM = Float64Array.from({ length: HALF }, (_, at) => Math.sin((-2 * Math.PI * (at >> 4) * (at & 15)) / HALF));
/** W512^k: the split's twiddles. */
const SPLIT_TWIDDLE_RE = Float64Array.from({ length: HALF }, (_, k) => Math.cos((-2 * Math.PI * k) / NFFT));
const SPLIT_TWIDDLE_IM = Float64Array.from({ length: HALF }, (_, k) => Math.sin((-2 * Math.PI * k) / NFFT));

/** Row s of the first stage at [16·s + j]. */
const re = new Float64Array(HALF);
const im = new Float64Array(HALF);
/** Z_k, the packed transform. */
const zRe = new Float64Array(HALF);
const zIm = new Float64Array(HALF);

/**
 * The bracket of step 2 for j = 0…15 into the 16 rows. A 4-point DFT of (a, b, c, d) is
 * written out each time as: sums and differences of a, c and of b, d, then
 * y0 = s + S, y1 = d − i·D, y2 = s − S, y3 = d + i·D.
 */
function firstStage(samples: Float64Array): void {
  for (let j = 0; j < ROWS; j++) {
    // z_j, z_j+16, z_j+32, z_j+48: the packed samples (even + i·odd) the 16 rows combine.
    const z0r = samples[0 + 2 * j]!;
    const z0i = samples[1 + 2 * j]!;
    const z1r = samples[32 + 2 * j]!;
    const z1i = samples[33 + 2 * j]!;
    const z2r = samples[64 + 2 * j]!;
    const z2i = samples[65 + 2 * j]!;
    const z3r = samples[96 + 2 * j]!;
    const z3i = samples[97 + 2 * j]!;
    // Rows s ≡ 0 (mod 4): the 4-point DFT over l of the z_l themselves.
    const y0_sr = z0r + z2r;
    const y0_si = z0i + z2i;
    const y0_dr = z0r - z2r;
    const y0_di = z0i - z2i;
    const y0_Sr = z1r + z3r;
    const y0_Si = z1i + z3i;
    const y0_Dr = z1r - z3r;
    const y0_Di = z1i - z3i;
    const y0r = y0_sr + y0_Sr;
    const y0i = y0_si + y0_Si;
    const y4r = y0_dr + y0_Di;
    const y4i = y0_di - y0_Dr;
    const y8r = y0_sr - y0_Sr;
    const y8i = y0_si - y0_Si;
    const y12r = y0_dr - y0_Di;
    const y12i = y0_di + y0_Dr;
    // Rows s ≡ 1 (mod 4): z_l·W16^1l, then the 4-point DFT over l.
    const b11r = z1r * COS_PI_8 + z1i * SIN_PI_8;
    const b11i = -z1r * SIN_PI_8 + z1i * COS_PI_8;
    const b12r = z2r * SQRT_HALF + z2i * SQRT_HALF;
    const b12i = -z2r * SQRT_HALF + z2i * SQRT_HALF;
    const b13r = z3r * SIN_PI_8 + z3i * COS_PI_8;
    const b13i = -z3r * COS_PI_8 + z3i * SIN_PI_8;
    const y1_sr = z0r + b12r;
    const y1_si = z0i + b12i;
    const y1_dr = z0r - b12r;
    const y1_di = z0i - b12i;
    const y1_Sr = b11r + b13r;
    const y1_Si = b11i + b13i;
    const y1_Dr = b11r - b13r;
    const y1_Di = b11i - b13i;
    const y1r = y1_sr + y1_Sr;
    const y1i = y1_si + y1_Si;
    const y5r = y1_dr + y1_Di;
    const y5i = y1_di - y1_Dr;
    const y9r = y1_sr - y1_Sr;
    const y9i = y1_si - y1_Si;
    const y13r = y1_dr - y1_Di;
    const y13i = y1_di + y1_Dr;
    // Rows s ≡ 2 (mod 4): z_l·W16^2l, then the 4-point DFT over l.
    const b21r = z1r * SQRT_HALF + z1i * SQRT_HALF;
    const b21i = -z1r * SQRT_HALF + z1i * SQRT_HALF;
    const b22r = z2i;
    const b22i = -z2r;
    const b23r = -z3r * SQRT_HALF + z3i * SQRT_HALF;
    const b23i = -z3r * SQRT_HALF - z3i * SQRT_HALF;
    const y2_sr = z0r + b22r;
    const y2_si = z0i + b22i;
    const y2_dr = z0r - b22r;
    const y2_di = z0i - b22i;
    const y2_Sr = b21r + b23r;
    const y2_Si = b21i + b23i;
    const y2_Dr = b21r - b23r;
    const y2_Di = b21i - b23i;
    const y2r = y2_sr + y2_Sr;
    const y2i = y2_si + y2_Si;
    const y6r = y2_dr + y2_Di;
    const y6i = y2_di - y2_Dr;
    const y10r = y2_sr - y2_Sr;
    const y10i = y2_si - y2_Si;
    const y14r = y2_dr - y2_Di;
    const y14i = y2_di + y2_Dr;
    // Rows s ≡ 3 (mod 4): z_l·W16^3l, then the 4-point DFT over l.
    const b31r = z1r * SIN_PI_8 + z1i * COS_PI_8;
    const b31i = -z1r * COS_PI_8 + z1i * SIN_PI_8;
    const b32r = -z2r * SQRT_HALF + z2i * SQRT_HALF;
    const b32i = -z2r * SQRT_HALF - z2i * SQRT_HALF;
    const b33r = -z3r * COS_PI_8 - z3i * SIN_PI_8;
    const b33i = z3r * SIN_PI_8 - z3i * COS_PI_8;
    const y3_sr = z0r + b32r;
    const y3_si = z0i + b32i;
    const y3_dr = z0r - b32r;
    const y3_di = z0i - b32i;
    const y3_Sr = b31r + b33r;
    const y3_Si = b31i + b33i;
    const y3_Dr = b31r - b33r;
    const y3_Di = b31i - b33i;
    const y3r = y3_sr + y3_Sr;
    const y3i = y3_si + y3_Si;
    const y7r = y3_dr + y3_Di;
    const y7i = y3_di - y3_Dr;
    const y11r = y3_sr - y3_Sr;
    const y11i = y3_si - y3_Si;
    const y15r = y3_dr - y3_Di;
    const y15i = y3_di + y3_Dr;
    // Each row's twiddle W256^(s·j); row 0's is 1.
    re[j] = y0r;
    im[j] = y0i;
    const c1 = ROW_TWIDDLE_RE[16 + j]!;
    const s1 = ROW_TWIDDLE_IM[16 + j]!;
    re[16 + j] = y1r * c1 - y1i * s1;
    im[16 + j] = y1r * s1 + y1i * c1;
    const c2 = ROW_TWIDDLE_RE[32 + j]!;
    const s2 = ROW_TWIDDLE_IM[32 + j]!;
    re[32 + j] = y2r * c2 - y2i * s2;
    im[32 + j] = y2r * s2 + y2i * c2;
    const c3 = ROW_TWIDDLE_RE[48 + j]!;
    const s3 = ROW_TWIDDLE_IM[48 + j]!;
    re[48 + j] = y3r * c3 - y3i * s3;
    im[48 + j] = y3r * s3 + y3i * c3;
    const c4 = ROW_TWIDDLE_RE[64 + j]!;
    const s4 = ROW_TWIDDLE_IM[64 + j]!;
    re[64 + j] = y4r * c4 - y4i * s4;
    im[64 + j] = y4r * s4 + y4i * c4;
    const c5 = ROW_TWIDDLE_RE[80 + j]!;
    const s5 = ROW_TWIDDLE_IM[80 + j]!;
    re[80 + j] = y5r * c5 - y5i * s5;
    im[80 + j] = y5r * s5 + y5i * c5;
    const c6 = ROW_TWIDDLE_RE[96 + j]!;
    const s6 = ROW_TWIDDLE_IM[96 + j]!;
    re[96 + j] = y6r * c6 - y6i * s6;
    im[96 + j] = y6r * s6 + y6i * c6;
    const c7 = ROW_TWIDDLE_RE[112 + j]!;
    const s7 = ROW_TWIDDLE_IM[112 + j]!;
    re[112 + j] = y7r * c7 - y7i * s7;
    im[112 + j] = y7r * s7 + y7i * c7;
    const c8 = ROW_TWIDDLE_RE[128 + j]!;
    const s8 = ROW_TWIDDLE_IM[128 + j]!;
    re[128 + j] = y8r * c8 - y8i * s8;
    im[128 + j] = y8r * s8 + y8i * c8;
    const c9 = ROW_TWIDDLE_RE[144 + j]!;
    const s9 = ROW_TWIDDLE_IM[144 + j]!;
    re[144 + j] = y9r * c9 - y9i * s9;
    im[144 + j] = y9r * s9 + y9i * c9;
    const c10 = ROW_TWIDDLE_RE[160 + j]!;
    const s10 = ROW_TWIDDLE_IM[160 + j]!;
    re[160 + j] = y10r * c10 - y10i * s10;
    im[160 + j] = y10r * s10 + y10i * c10;
    const c11 = ROW_TWIDDLE_RE[176 + j]!;
    const s11 = ROW_TWIDDLE_IM[176 + j]!;
    re[176 + j] = y11r * c11 - y11i * s11;
    im[176 + j] = y11r * s11 + y11i * c11;
    const c12 = ROW_TWIDDLE_RE[192 + j]!;
    const s12 = ROW_TWIDDLE_IM[192 + j]!;
    re[192 + j] = y12r * c12 - y12i * s12;
    im[192 + j] = y12r * s12 + y12i * c12;
    const c13 = ROW_TWIDDLE_RE[208 + j]!;
    const s13 = ROW_TWIDDLE_IM[208 + j]!;
    re[208 + j] = y13r * c13 - y13i * s13;
    im[208 + j] = y13r * s13 + y13i * c13;
    const c14 = ROW_TWIDDLE_RE[224 + j]!;
    const s14 = ROW_TWIDDLE_IM[224 + j]!;
    re[224 + j] = y14r * c14 - y14i * s14;
    im[224 + j] = y14r * s14 + y14i * c14;
    const c15 = ROW_TWIDDLE_RE[240 + j]!;
    const s15 = ROW_TWIDDLE_IM[240 + j]!;
    re[240 + j] = y15r * c15 - y15i * s15;
    im[240 + j] = y15r * s15 + y15i * c15;
  }
}

/** Each row's 16-point DFT over j (j = j1 + 4·j2, t = t1 + 4·t2), into Z_16t+s. */
function sixteenPointDfts(): void {
  for (let s = 0; s < ROWS; s++) {
    const row = ROWS * s;
    // Column 0: the 4-point DFT of x_0, x_4, x_8, x_12 (its twiddles are 1).
    const x0r = re[row + 0]!;
    const x0i = im[row + 0]!;
    const x4r = re[row + 4]!;
    const x4i = im[row + 4]!;
    const x8r = re[row + 8]!;
    const x8i = im[row + 8]!;
    const x12r = re[row + 12]!;
    const x12i = im[row + 12]!;
    const u00_sr = x0r + x8r;
    const u00_si = x0i + x8i;
    const u00_dr = x0r - x8r;
    const u00_di = x0i - x8i;
    const u00_Sr = x4r + x12r;
    const u00_Si = x4i + x12i;
    const u00_Dr = x4r - x12r;
    const u00_Di = x4i - x12i;
    const u00r = u00_sr + u00_Sr;
    const u00i = u00_si + u00_Si;
    const u01r = u00_dr + u00_Di;
    const u01i = u00_di - u00_Dr;
    const u02r = u00_sr - u00_Sr;
    const u02i = u00_si - u00_Si;
    const u03r = u00_dr - u00_Di;
    const u03i = u00_di + u00_Dr;
    const v00r = u00r;
    const v00i = u00i;
    const v01r = u01r;
    const v01i = u01i;
    const v02r = u02r;
    const v02i = u02i;
    const v03r = u03r;
    const v03i = u03i;
    // Column 1: the 4-point DFT of x_1, x_5, x_9, x_13, then W16^(1·t1).
    const x1r = re[row + 1]!;
    const x1i = im[row + 1]!;
    const x5r = re[row + 5]!;
    const x5i = im[row + 5]!;
    const x9r = re[row + 9]!;
    const x9i = im[row + 9]!;
    const x13r = re[row + 13]!;
    const x13i = im[row + 13]!;
    const u10_sr = x1r + x9r;
    const u10_si = x1i + x9i;
    const u10_dr = x1r - x9r;
    const u10_di = x1i - x9i;
    const u10_Sr = x5r + x13r;
    const u10_Si = x5i + x13i;
    const u10_Dr = x5r - x13r;
    const u10_Di = x5i - x13i;
    const u10r = u10_sr + u10_Sr;
    const u10i = u10_si + u10_Si;
    const u11r = u10_dr + u10_Di;
    const u11i = u10_di - u10_Dr;
    const u12r = u10_sr - u10_Sr;
    const u12i = u10_si - u10_Si;
    const u13r = u10_dr - u10_Di;
    const u13i = u10_di + u10_Dr;
    const v10r = u10r;
    const v10i = u10i;
    const v11r = u11r * COS_PI_8 + u11i * SIN_PI_8;
    const v11i = -u11r * SIN_PI_8 + u11i * COS_PI_8;
    const v12r = u12r * SQRT_HALF + u12i * SQRT_HALF;
    const v12i = -u12r * SQRT_HALF + u12i * SQRT_HALF;
    const v13r = u13r * SIN_PI_8 + u13i * COS_PI_8;
    const v13i = -u13r * COS_PI_8 + u13i * SIN_PI_8;
    // Column 2: the 4-point DFT of x_2, x_6, x_10, x_14, then W16^(2·t1).
    const x2r = re[row + 2]!;
    const x2i = im[row + 2]!;
    const x6r = re[row + 6]!;
    const x6i = im[row + 6]!;
    const x10r = re[row + 10]!;
    const x10i = im[row + 10]!;
    const x14r = re[row + 14]!;
    const x14i = im[row + 14]!;
    const u20_sr = x2r + x10r;
    const u20_si = x2i + x10i;
    const u20_dr = x2r - x10r;
    const u20_di = x2i - x10i;
    const u20_Sr = x6r + x14r;
    const u20_Si = x6i + x14i;
    const u20_Dr = x6r - x14r;
    const u20_Di = x6i - x14i;
    const u20r = u20_sr + u20_Sr;
    const u20i = u20_si + u20_Si;
    const u21r = u20_dr + u20_Di;
    const u21i = u20_di - u20_Dr;
    const u22r = u20_sr - u20_Sr;
    const u22i = u20_si - u20_Si;
    const u23r = u20_dr - u20_Di;
    const u23i = u20_di + u20_Dr;
    const v20r = u20r;
    const v20i = u20i;
    const v21r = u21r * SQRT_HALF + u21i * SQRT_HALF;
    const v21i = -u21r * SQRT_HALF + u21i * SQRT_HALF;
    const v22r = u22i;
    const v22i = -u22r;
    const v23r = -u23r * SQRT_HALF + u23i * SQRT_HALF;
    const v23i = -u23r * SQRT_HALF - u23i * SQRT_HALF;
    // Column 3: the 4-point DFT of x_3, x_7, x_11, x_15, then W16^(3·t1).
    const x3r = re[row + 3]!;
    const x3i = im[row + 3]!;
    const x7r = re[row + 7]!;
    const x7i = im[row + 7]!;
    const x11r = re[row + 11]!;
    const x11i = im[row + 11]!;
    const x15r = re[row + 15]!;
    const x15i = im[row + 15]!;
    const u30_sr = x3r + x11r;
    const u30_si = x3i + x11i;
    const u30_dr = x3r - x11r;
    const u30_di = x3i - x11i;
    const u30_Sr = x7r + x15r;
    const u30_Si = x7i + x15i;
    const u30_Dr = x7r - x15r;
    const u30_Di = x7i - x15i;
    const u30r = u30_sr + u30_Sr;
    const u30i = u30_si + u30_Si;
    const u31r = u30_dr + u30_Di;
    const u31i = u30_di - u30_Dr;
    const u32r = u30_sr - u30_Sr;
    const u32i = u30_si - u30_Si;
    const u33r = u30_dr - u30_Di;
    const u33i = u30_di + u30_Dr;
    const v30r = u30r;
    const v30i = u30i;
    const v31r = u31r * SIN_PI_8 + u31i * COS_PI_8;
    const v31i = -u31r * COS_PI_8 + u31i * SIN_PI_8;
    const v32r = -u32r * SQRT_HALF + u32i * SQRT_HALF;
    const v32i = -u32r * SQRT_HALF - u32i * SQRT_HALF;
    const v33r = -u33r * COS_PI_8 - u33i * SIN_PI_8;
    const v33i = u33r * SIN_PI_8 - u33i * COS_PI_8;
    // Bins t = 0, 4, 8, 12: the 4-point DFT over the columns.
    const X0_sr = v00r + v20r;
    const X0_si = v00i + v20i;
    const X0_dr = v00r - v20r;
    const X0_di = v00i - v20i;
    const X0_Sr = v10r + v30r;
    const X0_Si = v10i + v30i;
    const X0_Dr = v10r - v30r;
    const X0_Di = v10i - v30i;
    const X0r = X0_sr + X0_Sr;
    const X0i = X0_si + X0_Si;
    const X4r = X0_dr + X0_Di;
    const X4i = X0_di - X0_Dr;
    const X8r = X0_sr - X0_Sr;
    const X8i = X0_si - X0_Si;
    const X12r = X0_dr - X0_Di;
    const X12i = X0_di + X0_Dr;
    // Bins t = 1, 5, 9, 13: the 4-point DFT over the columns.
    const X1_sr = v01r + v21r;
    const X1_si = v01i + v21i;
    const X1_dr = v01r - v21r;
    const X1_di = v01i - v21i;
    const X1_Sr = v11r + v31r;
    const X1_Si = v11i + v31i;
    const X1_Dr = v11r - v31r;
    const X1_Di = v11i - v31i;
    const X1r = X1_sr + X1_Sr;
    const X1i = X1_si + X1_Si;
    const X5r = X1_dr + X1_Di;
    const X5i = X1_di - X1_Dr;
    const X9r = X1_sr - X1_Sr;
    const X9i = X1_si - X1_Si;
    const X13r = X1_dr - X1_Di;
    const X13i = X1_di + X1_Dr;
    // Bins t = 2, 6, 10, 14: the 4-point DFT over the columns.
    const X2_sr = v02r + v22r;
    const X2_si = v02i + v22i;
    const X2_dr = v02r - v22r;
    const X2_di = v02i - v22i;
    const X2_Sr = v12r + v32r;
    const X2_Si = v12i + v32i;
    const X2_Dr = v12r - v32r;
    const X2_Di = v12i - v32i;
    const X2r = X2_sr + X2_Sr;
    const X2i = X2_si + X2_Si;
    const X6r = X2_dr + X2_Di;
    const X6i = X2_di - X2_Dr;
    const X10r = X2_sr - X2_Sr;
    const X10i = X2_si - X2_Si;
    const X14r = X2_dr - X2_Di;
    const X14i = X2_di + X2_Dr;
    // Bins t = 3, 7, 11, 15: the 4-point DFT over the columns.
    const X3_sr = v03r + v23r;
    const X3_si = v03i + v23i;
    const X3_dr = v03r - v23r;
    const X3_di = v03i - v23i;
    const X3_Sr = v13r + v33r;
    const X3_Si = v13i + v33i;
    const X3_Dr = v13r - v33r;
    const X3_Di = v13i - v33i;
    const X3r = X3_sr + X3_Sr;
    const X3i = X3_si + X3_Si;
    const X7r = X3_dr + X3_Di;
    const X7i = X3_di - X3_Dr;
    const X11r = X3_sr - X3_Sr;
    const X11i = X3_si - X3_Si;
    const X15r = X3_dr - X3_Di;
    const X15i = X3_di + X3_Dr;
    // Z_16t+s.
    zRe[0 + s] = X0r;
    zIm[0 + s] = X0i;
    zRe[16 + s] = X1r;
    zIm[16 + s] = X1i;
    zRe[32 + s] = X2r;
    zIm[32 + s] = X2i;
    zRe[48 + s] = X3r;
    zIm[48 + s] = X3i;
    zRe[64 + s] = X4r;
    zIm[64 + s] = X4i;
    zRe[80 + s] = X5r;
    zIm[80 + s] = X5i;
    zRe[96 + s] = X6r;
    zIm[96 + s] = X6i;
    zRe[112 + s] = X7r;
    zIm[112 + s] = X7i;
    zRe[128 + s] = X8r;
    zIm[128 + s] = X8i;
    zRe[144 + s] = X9r;
    zIm[144 + s] = X9i;
    zRe[160 + s] = X10r;
    zIm[160 + s] = X10i;
    zRe[176 + s] = X11r;
    zIm[176 + s] = X11i;
    zRe[192 + s] = X12r;
    zIm[192 + s] = X12i;
    zRe[208 + s] = X13r;
    zIm[208 + s] = X13i;
    zRe[224 + s] = X14r;
    zIm[224 + s] = X14i;
    zRe[240 + s] = X15r;
    zIm[240 + s] = X15i;
  }
}

/**
 * Bins 0…lastBin (at most 255) of the 512-point transform of `samples` (128 real values)
 * zero-padded to 512, X_k = Σ_n x_n·W512^kn, into outRe/outIm[0…lastBin].
 */
export function paddedSpectrum(samples: Float64Array, lastBin: number, outRe: Float64Array, outIm: Float64Array): void {
  firstStage(samples);
  sixteenPointDfts();
  for (let k = 0; k <= lastBin; k++) {
    const mirror = (HALF - k) & (HALF - 1);
    const zr = zRe[k]!;
    const zi = zIm[k]!;
    const cr = zRe[mirror]!;
    const ci = -zIm[mirror]!;
    // Even-sample spectrum E = (Z + conj Z_mirror)/2, odd O = (Z − conj Z_mirror)/(2i).
    const er = (zr + cr) * 0.5;
    const ei = (zi + ci) * 0.5;
    const or = (zi - ci) * 0.5;
    const oi = (cr - zr) * 0.5;
    const wr = SPLIT_TWIDDLE_RE[k]!;
    const wi = SPLIT_TWIDDLE_IM[k]!;
    outRe[k] = er + wr * or - wi * oi;
    outIm[k] = ei + wr * oi + wi * or;
  }
}

/**
 * |X_k|² of the same bins, into power[0…lastBin]: what a spectrum's bands need. The split of
 * paddedSpectrum, squared in place: writing X_k out and reading it back is one more pass over
 * the bins, and JavaScript has no cheap way to return two numbers from a shared helper.
 */
export function paddedPowerSpectrum(samples: Float64Array, lastBin: number, power: Float64Array): void {
  firstStage(samples);
  sixteenPointDfts();
  for (let k = 0; k <= lastBin; k++) {
    const mirror = (HALF - k) & (HALF - 1);
    const zr = zRe[k]!;
    const zi = zIm[k]!;
    const cr = zRe[mirror]!;
    const ci = -zIm[mirror]!;
    const er = (zr + cr) * 0.5;
    const ei = (zi + ci) * 0.5;
    const or = (zi - ci) * 0.5;
    const oi = (cr - zr) * 0.5;
    const wr = SPLIT_TWIDDLE_RE[k]!;
    const wi = SPLIT_TWIDDLE_IM[k]!;
    const xr = er + wr * or - wi * oi;
    const xi = ei + wr * oi + wi * or;
    power[k] = xr * xr + xi * xi;
  }
}

// fft.js 4.0.4 ships no types. Only the members shared/signal uses are declared.
declare module 'fft.js' {
  export default class FFT {
    constructor(size: number);
    readonly size: number;
    createComplexArray(): number[];
    /** Fills the left half of `output` (interleaved re, im) with the spectrum of real `input`. */
    realTransform(output: ArrayLike<number> & { [index: number]: number }, input: ArrayLike<number>): void;
    completeSpectrum(spectrum: ArrayLike<number> & { [index: number]: number }): void;
    transform(output: ArrayLike<number> & { [index: number]: number }, input: ArrayLike<number>): void;
  }
}

// pdfjs-dist ships types for its main module only; the worker module is imported for its side
// effect (it sets globalThis.pdfjsWorker, so pdf.js runs its worker in the same thread).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

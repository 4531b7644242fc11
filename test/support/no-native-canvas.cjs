// Preloaded (node --require) to run the PDF reader as on a machine without the optional native
// @napi-rs/canvas: every attempt to load it fails as if it were not installed.
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@napi-rs/canvas' || request.startsWith('@napi-rs/canvas/') || request.startsWith('@napi-rs/canvas-')) {
    const e = new Error(`Cannot find module '${request}'`);
    e.code = 'MODULE_NOT_FOUND';
    throw e;
  }
  return resolve.call(this, request, ...rest);
};

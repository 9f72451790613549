// cjs-package: @nestjs/throttler
// Replaced under Jest by the package itself, as one ES module (see cjs-package.transform.js).

/** Test tools must never download a browser: the tests use Debian's chromium and firefox-esr. */
module.exports = { skipDownload: true };

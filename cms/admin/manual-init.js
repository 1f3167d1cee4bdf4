// Decap CMS waits for apk-cms.js, which registers the project's format, widget and file names first.
window.CMS_MANUAL_INIT = true;

// Hold the CMS back until format.js has registered the data files' YAML format; format.js then starts it.
window.CMS_MANUAL_INIT = true;

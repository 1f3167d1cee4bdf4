/* Material 9.8.2's inline script after the content (partials/javascripts/content.html): a link to a
   content tab opens that tab. A file, not an inline script, so that the site runs under `script-src 'self'`.
   (The second script there belongs to the "content.tabs.link" feature, which the site does not enable.) */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))

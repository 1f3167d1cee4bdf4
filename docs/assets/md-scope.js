/* Material 9.8.2's inline head script (partials/javascripts/base.html), unchanged except that the scope
   comes from the script element's data-md-scope attribute (see overrides/partials/javascripts/base.html).
   A file, not an inline script, so that the site runs under `script-src 'self'`. */
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};

/*
 * Search that forgives the keyboard, inside Material's search worker (hooks/apk_site/search_fold.py
 * explains the idea and writes the tables). Each language's index names "apk-<lang>" as its lunr
 * language; the worker loads lunr.apk-<lang>.min.js, which loads this file and calls apkSearch.
 *
 * While the index is built, every word is kept as written and also indexed, at the same position, as
 * its variants (folded Kazakh letters, Latin without diacritics, other names and their Latin
 * spellings), each marked as a variant. The
 * query is not changed. After a query, a position matched both ways is kept once (Material would
 * mark it twice and break the result's HTML), and pages found only through variants rank below
 * pages where the typed word stands as written.
 */
(function () {
  "use strict"

  var VARIANT = "apkVariant"
  // A page found only through variants keeps its order among such pages, below every exact one.
  var VARIANT_WEIGHT = 1e-6
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu

  function replace(word, table) {
    var out = ""
    for (var letter of word)
      out += Object.prototype.hasOwnProperty.call(table, letter) ? table[letter] : letter
    return out
  }

  function makeVariants(tables) {
    return function (word) {
      var exact = word.replace(EDGES, "")
      var found = [replace(exact, tables.fold), replace(exact, tables.plain)]
      if (Object.prototype.hasOwnProperty.call(tables.aliases, exact))
        found = found.concat(tables.aliases[exact])
      var seen = {}, out = []
      seen[word] = seen[exact] = true
      for (var i = 0; i < found.length; i++)
        if (found[i] && !seen[found[i]]) {
          seen[found[i]] = true
          out.push(found[i])
        }
      return out
    }
  }

  function makeExpand(variants) {
    // A site repeats its words: each is worked out once (this is most of the time the index takes).
    var known = new Map()
    return function (token) {
      var word = token.toString()
      var forms = known.get(word)
      if (forms === undefined) {
        var trimmed = word.replace(EDGES, "")
        forms = { exact: trimmed !== word ? trimmed : "", others: variants(word) }
        known.set(word, forms)
      }
      if (!forms.exact && !forms.others.length) return token
      var exact = forms.exact, others = forms.others, out = [token]
      if (exact)
        out.push(token.clone(function () { return exact }))
      for (var i = 0; i < others.length; i++) {
        var metadata = {}
        for (var key in token.metadata) metadata[key] = token.metadata[key]
        metadata[VARIANT] = true
        out.push(new lunr.Token(others[i], metadata))
      }
      return out
    }
  }

  // Each matched position once, an exact match first; the score of a page found only through
  // variants is lowered.
  function settle(result) {
    var metadata = result.matchData.metadata
    var found = []
    for (var term in metadata)
      for (var field in metadata[term]) {
        var data = metadata[term][field]
        var positions = data.position || []
        for (var i = 0; i < positions.length; i++)
          found.push({ data: data, field: field, position: positions[i],
                       variant: !!(data[VARIANT] && data[VARIANT][i]) })
      }
    found.sort(function (a, b) { return a.variant - b.variant })
    var seen = {}, exact = false, kept = new Map()
    for (var k = 0; k < found.length; k++) {
      var item = found[k], key = item.field + ":" + item.position
      if (!kept.has(item.data)) kept.set(item.data, [])
      if (seen[key]) continue
      seen[key] = true
      exact = exact || !item.variant
      kept.get(item.data).push(item.position)
    }
    kept.forEach(function (positions, data) {
      data.position = positions.sort(function (a, b) { return a - b })
      delete data[VARIANT]
    })
    if (!exact && found.length) result.score *= VARIANT_WEIGHT
    return result
  }

  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    return query.call(this, fn).map(settle).sort(function (a, b) { return b.score - a.score })
  }

  lunr.apkSearch = function (name, tables) {
    var variants = makeVariants(tables)
    var expand = makeExpand(variants)
    var stopWords = tables.stop_words === "en" ? lunr.stopWordFilter : lunr[tables.stop_words].stopWordFilter
    lunr.Pipeline.registerFunction(expand, name + "-variants")
    lunr[name] = function () {
      // As Material sets up a language: its stop words in the index, nothing on the query side.
      this.metadataWhitelist = this.metadataWhitelist.concat([VARIANT])
      this.pipeline.reset()
      this.pipeline.add(stopWords, expand)
      this.searchPipeline.reset()
    }
    lunr[name].variants = variants
  }
})()

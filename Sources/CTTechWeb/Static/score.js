// Shows the threat (I × C) and its band while the assessor chooses; the score form works the same without it. The words
// come from the page, in its language: data-format (with {intent}, {capability}, {accessibility}, {threat}, {band})
// and data-bands (the five band names, lowest first).
(function () {
  "use strict";
  var form = document.getElementById("score-form");
  var out = document.getElementById("threat-live");
  if (!form || !out) return;
  var format = out.getAttribute("data-format") || "{intent} × min({capability}, {accessibility}) = {threat}: {band}";
  var names = (out.getAttribute("data-bands") || "1|2|3|4|5").split("|");
  var limits = [5, 9, 14, 19, 25];
  function chosen(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? parseInt(input.value, 10) : 0;
  }
  function update() {
    var i = chosen("intent"), a = chosen("actorCapability"), t = chosen("technologyAccessibility");
    if (!i || !a || !t) { out.textContent = ""; return; }
    var threat = i * Math.min(a, t);
    var band = 0;
    while (band < limits.length - 1 && threat > limits[band]) band++;
    var values = { intent: i, capability: a, accessibility: t, threat: threat, band: names[band] || "" };
    out.textContent = format.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? String(values[key]) : whole; });
  }
  form.addEventListener("change", update);
  update();
})();

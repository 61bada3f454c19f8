// Shows the threat (I × C) and its band while the assessor chooses; the score form works the same without it.
(function () {
  "use strict";
  var form = document.getElementById("score-form");
  var out = document.getElementById("threat-live");
  if (!form || !out) return;
  var bands = [[5, "Low"], [9, "Moderate"], [14, "Substantial"], [19, "Severe"], [25, "Critical"]];
  function chosen(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? parseInt(input.value, 10) : 0;
  }
  function update() {
    var i = chosen("intent"), a = chosen("actorCapability"), t = chosen("technologyAccessibility");
    if (!i || !a || !t) { out.textContent = ""; return; }
    var threat = i * Math.min(a, t);
    var band = bands.filter(function (b) { return threat <= b[0]; })[0][1];
    out.textContent = "Threat I × C = " + i + " × min(" + a + ", " + t + ") = " + threat + ": " + band;
  }
  form.addEventListener("change", update);
  update();
})();

/* Online forms: shows a field only when the field it depends on (on the same step) has one of the given values,
   and proposes addresses of the region for an address field. Progressive enhancement: without this script
   every field stays visible with its "only if" hint, and the address is looked up when the step is saved. */
(function () {
  'use strict';

  function valuesOf(form, name) {
    var values = [];
    form.querySelectorAll('[name="f_' + name + '"]').forEach(function (input) {
      if ((input.type === 'radio' || input.type === 'checkbox') && !input.checked) { return; }
      if (input.value) { values.push(input.value); }
    });
    return values;
  }

  function refresh(form) {
    form.querySelectorAll('[data-condition-field]').forEach(function (field) {
      var expected = (field.dataset.conditionValues || '').split('|');
      var shown = valuesOf(form, field.dataset.conditionField).some(function (v) { return expected.indexOf(v) >= 0; });
      field.hidden = !shown;
      field.querySelectorAll('.hint').forEach(function (hint) { if (hint.dataset.onlyIf !== undefined) { hint.hidden = true; } });
    });
  }

  function addressSearch(box) {
    var input = document.getElementById(box.dataset.for);
    if (!input) { return; }
    var picker = box.parentNode.querySelector('[data-map-picker]');
    var lon = picker ? picker.querySelector('[data-lon]') : null;
    var lat = picker ? picker.querySelector('[data-lat]') : null;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary';
    button.textContent = box.dataset.labelSearch;
    var results = document.createElement('div');
    results.setAttribute('role', 'status');
    results.setAttribute('aria-live', 'polite');
    box.appendChild(button);
    box.appendChild(results);
    input.addEventListener('input', function () { if (lon && lat) { lon.value = ''; lat.value = ''; } });
    button.addEventListener('click', function () {
      var q = input.value.trim();
      if (!q) { return; }
      fetch(box.dataset.searchUrl + '?limit=6&q=' + encodeURIComponent(q))
        .then(function (r) { return r.json(); })
        .then(function (addresses) {
          results.innerHTML = '';
          if (!addresses.length) { results.textContent = box.dataset.labelNone; return; }
          var ul = document.createElement('ul');
          ul.className = 'services';
          var language = document.documentElement.lang || 'fr';
          addresses.forEach(function (a) {
            var street = language === 'nl' ? (a.streetNl || a.streetFr) : (a.streetFr || a.streetNl);
            var commune = language === 'nl' ? a.communeNl : a.communeFr;
            var label = (street || '') + (a.houseNumber ? ' ' + a.houseNumber : '') + ', ' + a.postcode + ' ' + commune;
            var li = document.createElement('li');
            var choose = document.createElement('button');
            choose.type = 'button';
            choose.className = 'button secondary';
            choose.textContent = box.dataset.labelChoose + ': ' + label;
            choose.addEventListener('click', function () {
              input.value = label;
              if (lon && lat) { lon.value = a.lon.toFixed(7); lat.value = a.lat.toFixed(7); }
              results.textContent = label;
              input.focus();
            });
            li.appendChild(choose);
            ul.appendChild(li);
          });
          results.appendChild(ul);
        });
    });
  }

  function start() {
    document.querySelectorAll('form').forEach(function (form) {
      if (!form.querySelector('[data-condition-field]')) { return; }
      form.addEventListener('change', function () { refresh(form); });
      refresh(form);
    });
    document.querySelectorAll('[data-forms-address-results]').forEach(addressSearch);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());

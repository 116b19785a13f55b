/* Orchestra location picker: Leaflet map with the commune boundaries, a draggable pin, geolocation and
   address search. Progressive enhancement: the page works without this script. */
(function () {
  'use strict';

  function init(root) {
    if (typeof L === 'undefined') { return; }
    var data = root.dataset;
    var language = document.documentElement.lang || 'fr';
    var mapElement = root.querySelector('.map');
    var result = root.querySelector('[data-result]');
    var lonInput = root.querySelector('[data-lon]');
    var latInput = root.querySelector('[data-lat]');
    mapElement.hidden = false;
    root.querySelector('.map-tools').hidden = false;

    var map = L.map(mapElement, { keyboard: true, attributionControl: !!data.tileUrl }).setView([50.8466, 4.3528], 12);
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, { attribution: data.tileAttribution || '' }).addTo(map);
    }
    fetch(data.communesUrl).then(function (r) { return r.json(); }).then(function (geojson) {
      L.geoJSON(geojson, { style: { color: '#1d3f8f', weight: 1, fillOpacity: 0.04 } }).addTo(map);
    });

    var marker = null;
    var requestNumber = 0;

    function text(label) { return label || ''; }

    function show(place) {
      if (!place.inRegion) {
        result.textContent = text(data.labelOutside);
        return;
      }
      var commune = language === 'nl' ? place.communeNl : place.communeFr;
      var manager = place.manager === 'REGION' ? data.labelRegion : data.labelCommunal;
      result.textContent = text(data.labelCommune) + ': ' + commune + ' — ' + text(data.labelManager) + ': ' + manager;
      result.dataset.nisCode = place.nisCode;
    }

    function lookup(lat, lon) {
      var mine = ++requestNumber;
      fetch(data.lookupUrl + '?lon=' + encodeURIComponent(lon) + '&lat=' + encodeURIComponent(lat))
        .then(function (r) { return r.json(); })
        .then(function (place) { if (mine === requestNumber) { show(place); } });
    }

    function place(lat, lon, pan) {
      if (!marker) {
        marker = L.marker([lat, lon], { draggable: true, keyboard: true, title: data.labelPin, alt: data.labelPin }).addTo(map);
        marker.on('dragend', function () { var p = marker.getLatLng(); place(p.lat, p.lng, false); });
      } else {
        marker.setLatLng([lat, lon]);
      }
      if (pan) { map.setView([lat, lon], Math.max(map.getZoom(), 15)); }
      lonInput.value = lon.toFixed(7);
      latInput.value = lat.toFixed(7);
      var lonField = document.getElementById('lon');
      var latField = document.getElementById('lat');
      if (lonField && latField) { lonField.value = lonInput.value; latField.value = latInput.value; }
      lookup(lat, lon);
    }

    map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, false); });
    mapElement.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && e.target === mapElement) { var c = map.getCenter(); place(c.lat, c.lng, false); }
    });
    root.querySelector('[data-centre]').addEventListener('click', function () {
      var c = map.getCenter(); place(c.lat, c.lng, false);
    });
    root.querySelector('[data-locate]').addEventListener('click', function () {
      if (!navigator.geolocation) { result.textContent = text(data.labelLocatingFailed); return; }
      navigator.geolocation.getCurrentPosition(
        function (p) { place(p.coords.latitude, p.coords.longitude, true); },
        function () { result.textContent = text(data.labelLocatingFailed); });
    });
    if (lonInput.value && latInput.value) {
      place(parseFloat(latInput.value), parseFloat(lonInput.value), true);
    }

    var search = document.querySelector('[data-address-search]');
    var list = document.querySelector('[data-address-results]');
    if (search && list) {
      search.addEventListener('submit', function (e) {
        e.preventDefault();
        var q = search.querySelector('input[name=q]').value;
        if (!q.trim()) { return; }
        fetch(data.searchUrl + '?limit=8&q=' + encodeURIComponent(q))
          .then(function (r) { return r.json(); })
          .then(function (addresses) {
            list.innerHTML = '';
            var ul = document.createElement('ul');
            ul.className = 'services';
            if (addresses.length === 0) {
              var none = document.createElement('p');
              none.setAttribute('role', 'status');
              none.textContent = text(data.labelNone);
              list.appendChild(none);
              return;
            }
            addresses.forEach(function (a) {
              var li = document.createElement('li');
              var street = language === 'nl' ? (a.streetNl || a.streetFr) : (a.streetFr || a.streetNl);
              var commune = language === 'nl' ? a.communeNl : a.communeFr;
              var label = street + (a.houseNumber ? ' ' + a.houseNumber : '') + ', ' + a.postcode + ' ' + commune;
              var span = document.createElement('span');
              span.textContent = label + (a.approximateLocation ? ' ' + text(data.labelApproximate) : '');
              var button = document.createElement('button');
              button.type = 'button';
              button.className = 'button secondary';
              button.textContent = text(data.labelChoose);
              button.setAttribute('aria-label', text(data.labelChoose) + ': ' + label);
              button.addEventListener('click', function () { place(a.lat, a.lon, true); result.focus && result.focus(); });
              li.appendChild(span);
              li.appendChild(button);
              ul.appendChild(li);
            });
            list.appendChild(ul);
          });
      });
    }
  }

  function start() { document.querySelectorAll('[data-map-picker]').forEach(init); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());

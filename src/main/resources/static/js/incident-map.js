/* Public map of reports: the list stays the accessible form; the map adds the places. */
(function () {
  'use strict';
  function start() {
    var element = document.querySelector('.incident-map');
    if (!element || typeof L === 'undefined') { return; }
    element.hidden = false;
    var map = L.map(element, { keyboard: true, attributionControl: false }).setView([50.8466, 4.3528], 12);
    fetch(element.dataset.communesUrl).then(function (r) { return r.json(); }).then(function (g) {
      L.geoJSON(g, { style: { color: '#1d3f8f', weight: 1, fillOpacity: 0.03 }, interactive: false }).addTo(map);
    });
    fetch(element.dataset.geojson).then(function (r) { return r.json(); }).then(function (g) {
      L.geoJSON(g, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 7, color: feature.properties.open ? '#b00020' : '#0b6b2e', weight: 2, fillOpacity: 0.6 });
        },
        onEachFeature: function (feature, layer) {
          var link = document.createElement('a');
          link.href = feature.properties.url;
          link.textContent = '#' + feature.properties.id + ' ' + feature.properties.category + ' (' + feature.properties.status + ')';
          layer.bindPopup(link);
        }
      }).addTo(map);
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());

/* Open-data preview: draws the GeoJSON features on a map; the feature count and the properties table stay the
   accessible form. */
(function () {
  'use strict';
  function start() {
    var element = document.querySelector('.od-map');
    if (!element || typeof L === 'undefined') { return; }
    var source = document.getElementById(element.dataset.geojsonSource);
    if (!source) { return; }
    var data;
    try { data = JSON.parse(source.textContent); } catch (e) { return; }
    element.hidden = false;
    var map = L.map(element, { keyboard: true, attributionControl: false }).setView([50.8466, 4.3528], 12);
    var layer = L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, { radius: 6, color: '#1d3f8f', weight: 2, fillOpacity: 0.5 });
      },
      style: { color: '#1d3f8f', weight: 2, fillOpacity: 0.15 },
      onEachFeature: function (feature, shape) {
        var props = feature.properties || {};
        var list = document.createElement('dl');
        Object.keys(props).slice(0, 12).forEach(function (key) {
          var dt = document.createElement('dt'); dt.textContent = key;
          var dd = document.createElement('dd'); dd.textContent = String(props[key]);
          list.appendChild(dt); list.appendChild(dd);
        });
        shape.bindPopup(list);
      }
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 }); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());

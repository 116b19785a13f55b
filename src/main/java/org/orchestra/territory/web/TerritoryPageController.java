package org.orchestra.territory.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orchestra.territory.Address;
import org.orchestra.territory.Place;
import org.orchestra.territory.Territory;
import org.orchestra.territory.TerritoryMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Where is this, and who manages it?": the map picker as a page. Works without JavaScript: an address search
 * lists matches, and choosing one (or entering coordinates) shows its commune and manager.
 */
@Controller
class TerritoryPageController {

	private final Territory territory;
	private final TerritoryMap map;

	TerritoryPageController(Territory territory, TerritoryMap map) {
		this.territory = territory;
		this.map = map;
	}

	@GetMapping("/territory")
	String place(@RequestParam(name = "q", required = false) @Nullable String query,
			@RequestParam(name = "lon", required = false) @Nullable Double lon,
			@RequestParam(name = "lat", required = false) @Nullable Double lat, Model model) {
		model.addAttribute("approximate", territory.approximate());
		model.addAttribute("territoryMap", map);
		model.addAttribute("query", query == null ? "" : query);
		if (query != null && !query.isBlank()) {
			List<Address> results = territory.searchAddresses(query, 10);
			model.addAttribute("results", results);
		}
		if (lon != null && lat != null) {
			Place place = territory.locate(lon, lat);
			model.addAttribute("place", place);
		}
		return "territory/place";
	}
}

package org.orchestra.incident;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.orchestra.shared.LocalizedText;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The trilingual category tree, read from {@code orchestra.incident.categories} (by default the project's own
 * {@code incident/categories.csv}).
 */
@Component
public class IncidentCategories {

	private final Map<String, Category> byCode = new LinkedHashMap<>();

	IncidentCategories(IncidentProperties properties, ResourceLoader resources) throws IOException {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				resources.getResource(properties.categories()).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] c = line.split(";", -1);
				if (c.length != 8) {
					throw new IllegalStateException(properties.categories() + " line " + number + ": 8 cells expected");
				}
				EnumSet<LocationType> locations = EnumSet.noneOf(LocationType.class);
				Arrays.stream(c[2].split(",")).map(String::trim).map(LocationType::valueOf).forEach(locations::add);
				byCode.put(c[0], new Category(c[0], AssetClass.valueOf(c[1]), locations, Boolean.parseBoolean(c[3]),
						c[4], LocalizedText.of(c[5], c[6], c[7])));
			}
		}
	}

	public List<Category> all() {
		return List.copyOf(byCode.values());
	}

	public Optional<Category> find(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

	/** Categories grouped by asset class, for forms. */
	public Map<AssetClass, List<Category>> byAsset() {
		return byCode.values().stream().collect(Collectors.groupingBy(Category::asset, LinkedHashMap::new,
				Collectors.toCollection(ArrayList::new)));
	}
}

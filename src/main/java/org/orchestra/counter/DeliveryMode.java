package org.orchestra.counter;

import java.util.EnumSet;
import java.util.Set;

/** How a requested document reaches the resident. */
public enum DeliveryMode {
	DOWNLOAD, POST, COUNTER;

	static Set<DeliveryMode> parse(String list) {
		Set<DeliveryMode> modes = EnumSet.noneOf(DeliveryMode.class);
		for (String part : list.split(",")) {
			if (!part.isBlank()) {
				modes.add(valueOf(part.strip()));
			}
		}
		return modes;
	}

	static String format(Set<DeliveryMode> modes) {
		return String.join(",", modes.stream().sorted().map(Enum::name).toList());
	}
}

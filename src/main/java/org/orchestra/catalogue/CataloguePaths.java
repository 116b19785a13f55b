package org.orchestra.catalogue;

import java.util.List;

import org.orchestra.shared.PublicPaths;
import org.springframework.stereotype.Component;

@Component
class CataloguePaths implements PublicPaths {

	@Override
	public List<String> patterns() {
		return List.of("/", "/search", "/api/catalogue/**");
	}
}

package org.orchestra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.orchestra.shared.PublicPaths;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the application — found from its own mappings, so new endpoints are covered without edits —
 * either checks a privilege ({@code @PreAuthorize} on the method or its class) or is declared public by its module
 * ({@link PublicPaths}). An endpoint with neither fails this test.
 */
class EndpointSecurityTests extends PlatformTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	List<PublicPaths> publicPaths;

	@Test
	void everyEndpointChecksAPrivilegeOrIsDeclaredPublic() {
		PathPatternParser parser = new PathPatternParser();
		List<PathPattern> open = publicPaths.stream()
			.flatMap(p -> p.patterns().stream())
			.map(parser::parse)
			.toList();
		Set<String> unprotected = new TreeSet<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.orchestra")) {
				continue;
			}
			checked++;
			boolean guarded = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
					|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
			if (guarded) {
				continue;
			}
			for (String path : entry.getKey().getPatternValues()) {
				String sample = path.replaceAll("\\{[^}]*}", "x").replace("**", "x");
				boolean isPublic = open.stream().anyMatch(p -> p.matches(PathContainer.parsePath(sample)));
				if (!isPublic) {
					unprotected.add(path + " -> " + handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
				}
			}
		}
		assertThat(checked).as("endpoints found").isGreaterThan(50);
		assertThat(unprotected).as("endpoints without a privilege check that no module declares public").isEmpty();
	}

	@Test
	void publicDeclarationsDoNotOpenStaffPages() {
		PathPatternParser parser = new PathPatternParser();
		List<PathPattern> open = new ArrayList<>();
		publicPaths.forEach(p -> p.patterns().forEach(pattern -> open.add(parser.parse(pattern))));
		for (String staff : List.of("/admin/members", "/audit", "/documents", "/desk/incidents", "/exchange/admin",
				"/territory/admin", "/notifications/outbox", "/actuator/prometheus")) {
			assertThat(open.stream().noneMatch(p -> p.matches(PathContainer.parsePath(staff)))).as(staff).isTrue();
		}
	}
}

package org.orchestra;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * The application's own endpoints, read from its request mappings, so that tests walking every endpoint cover new
 * ones without edits: method, path pattern, the request parameters the handler reads and whether it takes a file.
 */
public record Endpoints(RequestMethod method, String pattern, HandlerMethod handler, List<String> parameterNames,
		boolean takesFile) {

	/** Every endpoint of the platform's own controllers. */
	public static List<Endpoints> of(RequestMappingHandlerMapping mappings) {
		List<Endpoints> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.orchestra")) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			if (methods.isEmpty()) {
				methods = Set.of(RequestMethod.GET, RequestMethod.POST);
			}
			List<String> names = parameterNames(handler);
			boolean file = takesFile(handler);
			for (String pattern : entry.getKey().getPatternValues()) {
				for (RequestMethod method : methods) {
					endpoints.add(new Endpoints(method, pattern, handler, names, file));
				}
			}
		}
		return endpoints;
	}

	public boolean writes() {
		return method != RequestMethod.GET && method != RequestMethod.HEAD;
	}

	/** The names of the pattern's path variables ({@code *} for a wildcard segment), in order. */
	public List<String> variables() {
		List<String> names = new ArrayList<>();
		for (String segment : pattern.split("/")) {
			int depth = 0;
			StringBuilder name = new StringBuilder();
			for (char c : segment.toCharArray()) {
				if (c == '{' && depth++ == 0) {
					name.setLength(0);
				}
				else if (c == '}' && --depth == 0) {
					names.add(name.toString().replaceAll(":.*", ""));
				}
				else if (c == '*' && depth == 0) {
					names.add("*");
				}
				else if (depth > 0) {
					name.append(c);
				}
			}
		}
		return names;
	}

	/** The path with every variable replaced by the value given for its name, encoded as a path segment. */
	public String fill(Function<String, String> value) {
		StringBuilder path = new StringBuilder();
		for (String segment : pattern.split("/", -1)) {
			if (!path.isEmpty() || !segment.isEmpty()) {
				path.append('/');
			}
			if (segment.contains("{") || segment.contains("*")) {
				StringBuilder filled = new StringBuilder();
				StringBuilder name = new StringBuilder();
				int depth = 0;
				for (char c : segment.toCharArray()) {
					if (c == '{' && depth++ == 0) {
						name.setLength(0);
					}
					else if (c == '}' && --depth == 0) {
						filled.append(encode(value.apply(name.toString().replaceAll(":.*", ""))));
					}
					else if (c == '*' && depth == 0) {
						filled.append(encode(value.apply("*")));
					}
					else if (depth > 0) {
						name.append(c);
					}
					else {
						filled.append(c);
					}
				}
				path.append(filled);
			}
			else {
				path.append(segment);
			}
		}
		return path.isEmpty() ? "/" : path.toString().replace("//", "/");
	}

	private static String encode(String value) {
		return UriUtils.encodePathSegment(value.isEmpty() ? "x" : value, StandardCharsets.UTF_8);
	}

	/** Names of the request parameters the handler reads, including the fields of the forms it binds. */
	static List<String> parameterNames(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>(List.of("lat", "long", "page", "q", "lang"));
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			if (parameter.hasParameterAnnotation(PathVariable.class) || parameter.hasParameterAnnotation(RequestBody.class)) {
				continue;
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			Class<?> type = parameter.getParameterType();
			if (param != null && !param.name().isEmpty()) {
				names.add(param.name());
			}
			else if (param != null && !param.value().isEmpty()) {
				names.add(param.value());
			}
			else if (BeanUtils.isSimpleProperty(type) || MultipartFile.class.isAssignableFrom(type)) {
				if (parameter.getParameterName() != null) {
					names.add(parameter.getParameterName());
				}
			}
			else if (type.getPackageName().startsWith("org.orchestra")) {
				if (type.isRecord()) {
					for (RecordComponent component : type.getRecordComponents()) {
						names.add(component.getName());
					}
				}
				else {
					for (Field field : type.getDeclaredFields()) {
						if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
							names.add(field.getName());
						}
					}
				}
			}
		}
		return List.copyOf(names);
	}

	static boolean takesFile(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())
					|| parameter.getParameterType().isArray()
							&& MultipartFile.class.isAssignableFrom(parameter.getParameterType().getComponentType())
					|| List.class.isAssignableFrom(parameter.getParameterType())
							&& parameter.getGenericParameterType().getTypeName().contains("MultipartFile")) {
				return true;
			}
		}
		return false;
	}
}

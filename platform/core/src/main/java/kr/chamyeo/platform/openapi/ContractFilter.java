package kr.chamyeo.platform.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import kr.chamyeo.platform.problem.ProblemResponsesFilter;

/**
 * The one OpenAPI filter of every service ({@code mp.openapi.filter} takes a single class): the rules that make a
 * service's document something a partner can generate a client from, applied in order.
 */
public class ContractFilter implements OASFilter {

    /** Where a partner reaches every operation: the gateway, not the service's own port. */
    public static final String LOCAL_GATEWAY = "http://localhost:8080";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        new OperationIds(serviceName()).filterOpenAPI(openAPI);
        new PublicOperations().filterOpenAPI(openAPI);
        new OperationRoles().filterOpenAPI(openAPI);
        new NullableFields().filterOpenAPI(openAPI);
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url(LOCAL_GATEWAY).description(
                    "The local stack's gateway (deploy/local/stack up), which serves every service's operations at these "
                            + "paths; in production the city's gateway host"));
        }
    }

    /** {@code budget} for {@code quarkus.application.name=budget-service}. */
    private static String serviceName() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class)
                .map(name -> name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name)
                .orElse(null);
    }
}

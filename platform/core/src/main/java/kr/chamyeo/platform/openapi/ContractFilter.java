package kr.chamyeo.platform.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import kr.chamyeo.platform.problem.ProblemResponsesFilter;

/**
 * The one OpenAPI filter of every service ({@code mp.openapi.filter} takes a single class): the rules that make a
 * service's document something a partner can generate a client from, applied in order.
 */
public class ContractFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        new OperationIds(serviceName()).filterOpenAPI(openAPI);
        new PublicOperations().filterOpenAPI(openAPI);
    }

    /** {@code budget} for {@code quarkus.application.name=budget-service}. */
    private static String serviceName() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class)
                .map(name -> name.endsWith("-service") ? name.substring(0, name.length() - "-service".length()) : name)
                .orElse(null);
    }
}

package kr.chamyeo.e2e.support;

import static io.restassured.RestAssured.given;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests through the gateway only, with tokens signed by the stack's key, each answer checked against the document. */
public final class Api {

    /** Checks every answer against the combined OpenAPI document. */
    private static final Filter CHECKED = (request, response, context) -> {
        Response answer = context.next(request, response);
        Contract.check(request.getMethod(), request.getURI(), answer.statusCode(), answer.contentType(), answer.asString());
        return answer;
    };

    private final Stack stack;
    private final Tokens tokens;

    Api(Stack stack) {
        this.stack = stack;
        this.tokens = new Tokens(stack.keys());
    }

    public Stack stack() {
        return stack;
    }

    public Tokens tokens() {
        return tokens;
    }

    public RequestSpecification anonymous() {
        return given().filter(CHECKED).spec(new RequestSpecBuilder().setBaseUri(stack.gateway())
                .setConfig(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .defaultContentCharset("UTF-8").appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .setContentType(ContentType.JSON).setAccept(ContentType.JSON).build());
    }

    public RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** The same request straight to a service, bypassing the gateway. */
    public RequestSpecification direct(String app, String token) {
        RequestSpecification spec = given().filter(CHECKED).baseUri(stack.direct(app)).contentType(ContentType.JSON).accept(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }
}

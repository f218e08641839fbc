package vn.dondoc.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;

/** Skips container runs without Docker and hands {@link Infrastructure} to test methods that ask for it. */
final class InfrastructureExtension implements ExecutionCondition, ParameterResolver {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Infrastructure.containersRequested() && !DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.disabled("-Dinfra=containers needs Docker, and none is running here");
        }
        return ConditionEvaluationResult.enabled("infrastructure: " + System.getProperty("infra", "embedded"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Infrastructure.shared();
    }
}

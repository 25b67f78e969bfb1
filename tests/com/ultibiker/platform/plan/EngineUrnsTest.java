package com.ultibiker.platform.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** URNs as the engine builds them (pulumi/pulumi sdk/go/common/resource/urn/urn.go, New). */
class EngineUrnsTest {

    @Test
    void aTopLevelResourceHasNoStackInItsTypeChain() {
        assertEquals("urn:pulumi:prod::ultibiker-platform::ultibiker:network:Network::network-us-east-1",
                EngineUrns.create("prod", "ultibiker-platform",
                        "urn:pulumi:prod::ultibiker-platform::pulumi:pulumi:Stack::ultibiker-platform-prod",
                        "ultibiker:network:Network", "network-us-east-1"));
    }

    @Test
    void aChildCarriesItsParentsChain() {
        assertEquals("urn:pulumi:prod::ultibiker-platform::ultibiker:network:Network$aws:ec2/vpc:Vpc::network-us-east-1-vpc",
                EngineUrns.create("prod", "ultibiker-platform",
                        "urn:pulumi:prod::ultibiker-platform::ultibiker:network:Network::network-us-east-1",
                        "aws:ec2/vpc:Vpc", "network-us-east-1-vpc"));
        assertEquals("urn:pulumi:dev::p::a:b:C$d:e:F$g:h:I::leaf",
                EngineUrns.create("dev", "p", "urn:pulumi:dev::p::a:b:C$d:e:F::mid", "g:h:I", "leaf"));
    }

    @Test
    void withoutParentTheTypeIsTheChain() {
        assertEquals("urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", EngineUrns.create("dev", "p", null, "pulumi:pulumi:Stack", "p-dev"));
        assertEquals("urn:pulumi:dev::p::aws:kms/key:Key::k", EngineUrns.create("dev", "p", "", "aws:kms/key:Key", "k"));
    }

    @Test
    void mockUrnsLoseTheRootStackOnly() {
        assertEquals("urn:pulumi:prod::ultibiker-platform::ultibiker:network:Network$aws:ec2/vpc:Vpc::network-us-east-1-vpc",
                EngineUrns.fromMock("urn:pulumi:prod::ultibiker-platform::pulumi:pulumi:Stack$ultibiker:network:Network$aws:ec2/vpc:Vpc::network-us-east-1-vpc"));
        assertEquals("urn:pulumi:prod::ultibiker-platform::pulumi:pulumi:Stack::ultibiker-platform-prod",
                EngineUrns.fromMock("urn:pulumi:prod::ultibiker-platform::pulumi:pulumi:Stack::ultibiker-platform-prod"));
        assertEquals("urn:pulumi:dev::p::a:b:C::n", EngineUrns.fromMock("urn:pulumi:dev::p::a:b:C::n"));
    }

    @Test
    void partsOfAUrn() {
        String urn = "urn:pulumi:prod::ultibiker-platform::ultibiker:network:Network$aws:ec2/vpc:Vpc::network::odd";
        assertEquals("ultibiker:network:Network$aws:ec2/vpc:Vpc", EngineUrns.qualifiedType(urn));
        assertEquals("aws:ec2/vpc:Vpc", EngineUrns.type(urn));
        assertEquals("network::odd", EngineUrns.name(urn), "a name may contain ::");
        assertEquals("aws:kms/key:Key", EngineUrns.type("urn:pulumi:dev::p::aws:kms/key:Key::k"));
    }

    @Test
    void refusesWhatIsNotAUrn() {
        assertThrows(IllegalArgumentException.class, () -> EngineUrns.type("arn:aws:kms:us-east-1:123456789012:key/x"));
        assertThrows(IllegalArgumentException.class, () -> EngineUrns.type("urn:pulumi:dev::p::t"));
    }
}

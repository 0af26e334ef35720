package id.smartcity.eventstore.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Against the RFC 6962 test vectors as published with Certificate Transparency implementations. */
class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).toList();
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final MerkleTree tree = MerkleTree.of(LEAVES);

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    void matchesThePublishedRootOfEverySize() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("size %d", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void theFrontierGivesTheTreesRootAtEverySizeWithoutKeepingTheLeaves() {
        List<byte[]> data = IntStream.range(0, 70).mapToObj(i -> new byte[] {(byte) i, (byte) (i * 3)}).toList();
        MerkleTree big = MerkleTree.of(data);
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(HEX.formatHex(frontier.root())).isEqualTo(ROOTS.get(0));
        for (int size = 1; size <= data.size(); size++) {
            frontier.add(MerkleTree.leafHash(data.get(size - 1)));
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(HEX.formatHex(frontier.root())).as("size %d", size).isEqualTo(HEX.formatHex(big.root(size)));
        }
        MerkleFrontier published = new MerkleFrontier();
        LEAVES.forEach(leaf -> published.add(MerkleTree.leafHash(leaf)));
        assertThat(HEX.formatHex(published.root())).isEqualTo(ROOTS.get(8));
    }

    @Test
    void givesThePublishedInclusionProofs() {
        assertThat(hex(tree.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.inclusionProof(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void everyProofOfEveryTreeShapeVerifiesAndATamperedOneDoesNot() {
        List<byte[]> data = IntStream.range(0, 37).mapToObj(i -> new byte[] {(byte) i, (byte) (i * 7)}).toList();
        MerkleTree big = MerkleTree.of(data);
        for (int size = 1; size <= data.size(); size++) {
            byte[] root = big.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = big.inclusionProof(index, size);
                byte[] leaf = MerkleTree.leafHash(data.get(index));
                assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof, root)).isTrue();
                if (size > 1) {
                    assertThat(MerkleTree.verifyInclusion(leaf, (index + 1) % size, size, proof, root))
                            .as("leaf %d of %d proven at the wrong index", index, size).isFalse();
                }
                if (!proof.isEmpty()) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    byte[] first = tampered.get(0).clone();
                    first[0] ^= 1;
                    tampered.set(0, first);
                    assertThat(MerkleTree.verifyInclusion(leaf, index, size, tampered, root)).isFalse();
                }
            }
            for (int first = 1; first <= size; first++) {
                List<byte[]> proof = big.consistencyProof(first, size);
                assertThat(MerkleTree.verifyConsistency(first, size, big.root(first), root, proof))
                        .as("consistency %d -> %d", first, size).isTrue();
                if (first < size) {
                    byte[] forged = big.root(first).clone();
                    forged[31] ^= 1;
                    assertThat(MerkleTree.verifyConsistency(first, size, forged, root, proof)).isFalse();
                }
            }
        }
    }

    @Test
    void startsTheConsistencyProofFromTwoToEightAsPublished() {
        assertThat(hex(tree.consistencyProof(2, 8))).startsWith(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    }
}

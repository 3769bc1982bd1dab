package dev.incidentconsole.exec.ssh;

import com.hierynomus.sshj.key.KeyAlgorithm;
import java.io.IOException;
import java.util.LinkedList;
import java.util.Queue;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * sshj's "publickey" method for one key held by an {@link SshAgent}: the same exchange as sshj's
 * {@code AuthPublickey} (a query with the public key, then, once the server accepts it, the request signed
 * over the session id), with the signature made by the agent. The key algorithms are those the transport
 * negotiated for the key's type, in sshj's order; an RSA key is signed with {@code rsa-sha2-512} or
 * {@code rsa-sha2-256} (the agent's flags) when that is the algorithm offered, and the next algorithm is
 * tried when the server refuses one. An agent that refuses to sign fails this method only, so sshj goes on
 * to the next one. One instance per connection attempt.
 */
final class AgentAuth extends AbstractAuthMethod {
    private final SshAgent agent;
    private final SshAgent.Identity identity;
    private Queue<KeyAlgorithm> algorithms;

    AgentAuth(SshAgent agent, SshAgent.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd == Message.USERAUTH_60) { // SSH_MSG_USERAUTH_PK_OK: the server would accept this key
            params.getTransport().write(signed(request(true)));
        } else {
            super.handle(cmd, buf);
        }
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    @Override
    public boolean shouldRetry() {
        if (algorithms == null) {
            return false;
        }
        algorithms.poll();
        return !algorithms.isEmpty();
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        log.debug("Offering agent key {}", identity);
        return super.buildReq().putBoolean(signed).putString(algorithm().getKeyAlgorithm()).putBytes(identity.blob());
    }

    private SSHPacket signed(SSHPacket request) throws UserAuthException {
        byte[] data = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(request)
                .getCompactData();
        try {
            return request.putBytes(agent.sign(identity.blob(), data, flags(algorithm())));
        } catch (IOException e) {
            throw new UserAuthException(e.getMessage() + " with " + identity, e);
        }
    }

    private KeyAlgorithm algorithm() throws UserAuthException {
        try {
            if (algorithms == null) {
                algorithms = new LinkedList<>(params.getTransport().getClientKeyAlgorithms(identity.keyType()));
            }
        } catch (TransportException e) {
            throw new UserAuthException("No key algorithm for " + identity, e);
        }
        KeyAlgorithm next = algorithms.peek();
        if (next == null) {
            throw new UserAuthException("No key algorithm for " + identity);
        }
        return next;
    }

    private int flags(KeyAlgorithm algorithm) {
        KeyType type = identity.keyType();
        if (type != KeyType.RSA && type != KeyType.RSA_CERT) {
            return 0;
        }
        String name = algorithm.getKeyAlgorithm();
        return name.startsWith("rsa-sha2-512") ? SshAgent.RSA_SHA2_512
                : name.startsWith("rsa-sha2-256") ? SshAgent.RSA_SHA2_256 : 0;
    }
}

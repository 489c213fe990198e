package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.esl.EslConnection;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The connection options of {@link FreeSwitchConfiguration}: how the component reaches FreeSWITCH's event socket.
 * A superclass rather than a nested object so that every option keeps its flat name (Camel's tooling reads the
 * {@code @UriParam} fields of superclasses).
 */
@UriParams
public abstract class FreeSwitchConnectionConfiguration implements Cloneable {

    // --- connection (inbound ESL: we connect to FreeSWITCH) ---

    @UriParam(defaultValue = EslClientOptions.DEFAULT_HOST, description = "Host of FreeSWITCH's event socket.")
    private String host = EslClientOptions.DEFAULT_HOST;
    @UriParam(defaultValue = "" + EslClientOptions.DEFAULT_PORT, description = "Port of FreeSWITCH's event socket.")
    private int port = EslClientOptions.DEFAULT_PORT;
    @UriParam(label = "security", description = "User for 'userauth user@domain' authentication; when empty the"
            + " plain 'auth' command with the password is used.")
    private String username;
    @UriParam(label = "security", secret = true, defaultValue = EslClientOptions.DEFAULT_PASSWORD,
            description = "Password of the event socket (event_socket.conf.xml), ClueCon by default like FreeSWITCH.")
    private String password = EslClientOptions.DEFAULT_PASSWORD;
    @UriParam(label = "advanced", defaultValue = "" + EslClientOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS,
            javaType = "java.time.Duration", description = "How long to wait for the TCP connection and authentication.")
    private long connectTimeout = EslClientOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + EslClientOptions.DEFAULT_RECONNECT_INITIAL_DELAY_MILLIS,
            javaType = "java.time.Duration",
            description = "First delay before reconnecting after the connection is lost; doubled (with jitter) after"
                    + " each failed attempt up to reconnectMaxDelay.")
    private long reconnectInitialDelay = EslClientOptions.DEFAULT_RECONNECT_INITIAL_DELAY_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + EslClientOptions.DEFAULT_RECONNECT_MAX_DELAY_MILLIS,
            javaType = "java.time.Duration", description = "Longest delay between two reconnect attempts.")
    private long reconnectMaxDelay = EslClientOptions.DEFAULT_RECONNECT_MAX_DELAY_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + EslClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS,
            javaType = "java.time.Duration",
            description = "How long a command may wait for its reply before it fails with a timeout.")
    private long requestTimeout = EslClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS;
    @UriParam(label = "advanced", description = "An ESL connection to use instead of opening one from host, port and"
            + " password (for example an EslClient bean shared with other code). The component does not close it."
            + " Autowired: when the registry holds exactly one EslConnection bean, the component uses it.")
    @Metadata(autowired = true)
    private EslConnection client;


    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public void setReconnectInitialDelay(long reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public EslConnection getClient() {
        return client;
    }

    public void setClient(EslConnection client) {
        this.client = client;
    }

}

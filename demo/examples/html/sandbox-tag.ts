// Demo only: start the in-browser sandbox, then insert the tag with the token a server would have rendered.
import { startSandbox } from '../sandbox.js';

const { baseUrl, accessToken } = await startSandbox();
const tag = document.createElement('codat-connections');
tag.setAttribute('base-url', baseUrl);
tag.setAttribute('access-token', accessToken);
tag.setAttribute('hide-close', '');
document.querySelector('#app')!.append(tag);

import { defineRules } from './rule.ts';

const DOC = 'aws-docs/lightsail-send-contact-method-verification.txt';
const MODEL = 'aws-models/lightsail-2016-11-28.json';
const SEND = 'SendContactMethodVerification';
/** The API Reference page of an operation (the document's "See also: AWS API Documentation" link). */
const apiReference = (operation: string) => `https://docs.aws.amazon.com/goto/WebAPI/lightsail-2016-11-28/${operation}`;

export const lightsailRules = defineRules([
  {
    id: 'LIGHTSAIL.SEND.PROTOCOL_REQUIRED',
    service: 'lightsail',
    operation: SEND,
    kind: 'shape',
    statement: 'A SendContactMethodVerification request without protocol is rejected with a documented client error (4xx), never accepted and never a 5xx.',
    quote: '{"required": ["protocol"]}',
    source: `${MODEL}#/shapes/SendContactMethodVerificationRequest`,
  },
  {
    id: 'LIGHTSAIL.SEND.SMS_REJECTED',
    service: 'lightsail',
    operation: SEND,
    kind: 'state',
    statement:
      'Only Email can be verified: SendContactMethodVerification with protocol SMS is rejected with InvalidInputException (4xx), whether or not an SMS contact method exists.',
    quote: "SMS contact methods don't need to be verified.",
    source: DOC,
    contradiction: {
      note: 'The protocol parameter is described as "The protocol to verify, such as Email or SMS (text messaging)", as if SMS could be verified, while the operation\'s prose says SMS contact methods need no verification and the API model\'s ContactMethodVerificationProtocol enum holds only Email.',
      reading: 'The prose and the enum agree, so the check uses them: protocol SMS is not a valid input and must be rejected with InvalidInputException.',
    },
  },
  {
    id: 'LIGHTSAIL.SEND.NEEDS_EMAIL_CONTACT',
    service: 'lightsail',
    operation: SEND,
    kind: 'error',
    statement:
      'Sending an Email verification in a region that has no email contact method (none yet, only an SMS one, or the email one deleted) is answered with a documented error (ServiceException, InvalidInputException, OperationFailureException, UnauthenticatedException, AccessDeniedException or NotFoundException) with a 4xx status, never success and never a 5xx.',
    quote: "Sends a verification request to an email contact method to ensure it's owned by the requester.",
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.CONTACT.ONE_PER_PROTOCOL',
    service: 'lightsail',
    operation: 'CreateContactMethod',
    kind: 'limit',
    statement:
      'A region has at most one email and one SMS contact method: a second CreateContactMethod of a protocol the region already has is either rejected with a documented client error or replaces the first, and GetContactMethods never lists two of the same protocol in a region.',
    quote: 'You can add one email address and one mobile phone number contact method in each Amazon Web Services Region.',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.CONTACT.SMS_REGIONS',
    service: 'lightsail',
    operation: 'CreateContactMethod',
    kind: 'limit',
    statement:
      'An SMS contact method can be created only in the regions the Lightsail API Reference (CreateContactMethod: "The SMS protocol is supported only in the following AWS Regions.") names: us-east-1, us-west-2, eu-west-1, ap-northeast-1, ap-southeast-1, ap-southeast-2; in any other region CreateContactMethod with protocol SMS is rejected with a documented client error (4xx) and nothing is created.',
    quote: 'However, SMS text messaging is not supported in some Amazon Web Services Regions, and SMS text messages cannot be sent to some countries/regions.',
    source: DOC,
    assumption: {
      reason:
        'The document says SMS is not supported in some Regions without naming them, and the API model has no list of Regions. The Lightsail API Reference for CreateContactMethod names them ("The SMS protocol is supported only in the following Amazon Web Services Regions."): us-east-1, us-west-2, eu-west-1, ap-northeast-1, ap-southeast-1, ap-southeast-2.',
      publicSource: apiReference('CreateContactMethod'),
    },
  },
  {
    id: 'LIGHTSAIL.CONTACT.PENDING_ON_CREATE',
    service: 'lightsail',
    operation: 'CreateContactMethod',
    kind: 'state',
    statement:
      'A new email contact method is PendingVerification (GetContactMethods) until its link is followed; creating it sends the first verification request.',
    quote: 'A verification request is sent to the contact method when you initially create it.',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.VERIFY.LINK_MAKES_VALID',
    service: 'lightsail',
    operation: SEND,
    kind: 'state',
    statement: 'Following the link of the newest verification request makes the email contact method Valid (GetContactMethods), and it stays Valid.',
    quote: 'Notifications are not sent to an email contact method until after it is verified, and confirmed as valid.',
    source: DOC,
    assumption: {
      reason:
        'The document says an email contact method is verified and confirmed as valid, and the API model\'s ContactMethodStatus is PendingVerification, Valid or Invalid; neither says that following the link of the verification message is what verifies it. The check takes the verification request (sent "to ensure it\'s owned by the requester") to be answered by following its link, as for SES and Pinpoint email addresses.',
      publicSource: 'Notifications in Amazon Lightsail (Amazon Lightsail documentation, named by the document)',
    },
    needs: ['inbox'],
    // "Valid after the link" is observed only on a method that was PendingVerification before it.
    dependsOn: ['LIGHTSAIL.CONTACT.PENDING_ON_CREATE'],
  },
  {
    id: 'LIGHTSAIL.VERIFY.RESEND',
    service: 'lightsail',
    operation: SEND,
    kind: 'state',
    statement:
      'While the email contact method is not yet verified, SendContactMethodVerification with protocol Email succeeds (also after the previous request has expired, and again and again) and sends a new verification message.',
    quote: 'Use this action to send another verification request if a previous verification request was deleted, or has expired.',
    source: DOC,
    // A resend "while unverified" is observed only on a method the target holds PendingVerification.
    dependsOn: ['LIGHTSAIL.CONTACT.PENDING_ON_CREATE'],
  },
  {
    id: 'LIGHTSAIL.SEND.RESPONSE_SHAPE',
    service: 'lightsail',
    operation: SEND,
    kind: 'shape',
    statement:
      'A successful SendContactMethodVerification answers a non-empty operations list; each operation has a non-empty id, and createdAt and statusChangedAt, where present, are timestamps.',
    quote:
      'An array of objects that describe the result of the action, such as the status of the request, the timestamp of the request, and the resources affected by the request.',
    source: DOC,
  },
  {
    id: 'LIGHTSAIL.SEND.OPERATION_TYPE',
    service: 'lightsail',
    operation: SEND,
    kind: 'shape',
    statement: 'Each operation of a SendContactMethodVerification answer has resourceType ContactMethod and operationType SendContactMethodVerification.',
    quote:
      'An array of objects that describe the result of the action, such as the status of the request, the timestamp of the request, and the resources affected by the request.',
    source: DOC,
    assumption: {
      reason:
        'The document says each operation describes the result of the action and the resources it affected, and its enums hold ContactMethod (resourceType) and SendContactMethodVerification (operationType); no sentence pairs them with this action, so the check takes an operation of this action to name this action and the contact method it acted on.',
    },
  },
  {
    id: 'LIGHTSAIL.SEND.OPERATION_REGION',
    service: 'lightsail',
    operation: SEND,
    kind: 'shape',
    statement: 'Each operation of a SendContactMethodVerification answer has location.regionName equal to the region of the client that sent it.',
    quote: 'You can add one email address and one mobile phone number contact method in each Amazon Web Services Region.',
    source: DOC,
    assumption: {
      reason:
        'The document describes location only as "The Amazon Web Services Region and Availability Zone." Contact methods exist per Region and a call acts on those of its client\'s Region, so the check takes the operation\'s regionName to be that Region.',
    },
  },
  {
    id: 'LIGHTSAIL.ENUMS',
    service: 'lightsail',
    operation: SEND,
    kind: 'enum',
    statement:
      "Operation status, resourceType, operationType and location.regionName, and a contact method's status and protocol, are members of the documented enums (exact case); values the installed SDK added since the document was written (new regions, resource and operation types: see the enum drift test) are accepted as members too.",
    quote: '{"type": "string", "enum": ["NotStarted", "Started", "Failed", "Completed", "Succeeded"]}',
    source: `${MODEL}#/shapes/OperationStatus`,
  },
  {
    id: 'LIGHTSAIL.CONTACT.GET_MATCHES',
    service: 'lightsail',
    operation: 'GetContactMethods',
    kind: 'state',
    statement:
      "GetContactMethods lists, for the client's region, exactly the contact methods that exist there (protocol and contactEndpoint), and with protocols only those protocols.",
    quote: '{"type": "structure", "members": {"contactMethods": {"shape": "ContactMethodsList"}}}',
    source: `${MODEL}#/shapes/GetContactMethodsResult`,
    assumption: {
      reason:
        'The document does not describe GetContactMethods, and the API model gives only the shape of its answer. The check follows the Lightsail API Reference, which has it return the contact methods configured (in the Region of the call), or only those of the protocols asked for.',
      publicSource: apiReference('GetContactMethods'),
    },
  },
  {
    id: 'LIGHTSAIL.CONTACT.DELETE',
    service: 'lightsail',
    operation: 'DeleteContactMethod',
    kind: 'state',
    statement: 'DeleteContactMethod of an existing protocol succeeds and the contact method is no longer listed by GetContactMethods in that region.',
    quote: '{"type": "structure", "required": ["protocol"], "members": {"protocol": {"shape": "ContactProtocol"}}}',
    source: `${MODEL}#/shapes/DeleteContactMethodRequest`,
    assumption: {
      reason:
        'The document does not describe DeleteContactMethod, and the API model gives only its request (protocol required). The check takes it as the Lightsail API Reference does (it deletes a contact method): afterwards GetContactMethods no longer lists it.',
      publicSource: apiReference('DeleteContactMethod'),
    },
  },
  {
    id: 'LIGHTSAIL.ERRORS.DOCUMENTED',
    service: 'lightsail',
    operation: '*',
    kind: 'error',
    statement:
      'Every error is one the documents list for its operation (ServiceException, InvalidInputException, OperationFailureException, UnauthenticatedException, AccessDeniedException, NotFoundException); the client errors among them come with a 4xx status, and a client mistake (a missing or invalid protocol, no contact method, an unsupported region) is never answered with a 5xx.',
    // The same six errors the document lists under "Exceptions".
    quote:
      '{"errors": [{"shape": "ServiceException"}, {"shape": "InvalidInputException"}, {"shape": "OperationFailureException"}, {"shape": "UnauthenticatedException"}, {"shape": "AccessDeniedException"}, {"shape": "NotFoundException"}]}',
    source: `${MODEL}#/operations/SendContactMethodVerification`,
  },
]);

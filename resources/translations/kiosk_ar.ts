<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en_GB">
<context>
    <name>nurse</name>
    <message>
        <source>For IT: {title}. {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">موافق</translation>
    </message>
    <message>
        <source>No nurse has been set up on this kiosk yet. Type the one-time set-up code from ward IT, then your own name and PIN: you will use them to start discharges, sign them off and close the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 digits from ward IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Set-up code from ward IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Sam Taylor, RN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Choose a PIN ({rule}, not an easy one like 123456 or 000000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Type the same PIN again to make sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished">التالي</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. L5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicine given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs today. Unlock an account only after checking with that nurse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No discharges yet today. Tap “New discharge” to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">إلغاء</translation>
    </message>
    <message>
        <source>Hand to patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which procedure did the patient have?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is it right to use it today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for using this leaflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name, as on the wristband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the wristband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NHS number (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">الاسم</translation>
    </message>
    <message>
        <source>Hospital number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. The procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicines given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. About the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large print sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{refused} ({approver})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This leaflet is a DRAFT: nobody has approved it for use yet ({approver}). Use it only if you are sure its advice is right, and record why. Its sheet says DRAFT - not yet approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This leaflet passed its review date on {review}. Use it only if you are sure its advice is still right, and record why. Tell the leaflet team it needs reviewing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This leaflet is due for review on {review}: please tell the leaflet team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this leaflet depends on the patient&apos;s medical details: no questions here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 thing to put right: see the messages above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} things to put right: see the messages above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your PIN is too short for this kiosk now. Choose a new PIN of {least} to {most} digits before you go on; not an easy one like 123456, 121212 or 000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Tap your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your PIN...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed - sheet in hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or tap a common reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right at the second attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still wrong: go over this with the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nurse decisions recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls for help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the patient confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is looking after them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discharge checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick each one you have checked with the patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished">رجوع</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · born {born} · {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{outcome}. Chose: {chosen}. Right answer: {right}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; then </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Gone over with the patient ({gone_over}: recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check questions for this procedure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign off yet:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to sign off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign off yet: see the box on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the checklist to sign off ({left} left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: you will be asked for your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {current} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask a nurse to start your discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nurse: start or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What IT should do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient will read the procedure in {language} (draft translation: give a reason).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient will read the procedure in {language}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient will read the procedure in English: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This leaflet is a DRAFT, not yet approved for use, and this ward does not use drafts. Ask the leaflet team to approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I went over this with the patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>patient</name>
    <message>
        <source>Correct: “{answer}” is the right answer.</source>
        <translation type="unfinished">صحيح: «{answer}» هي الإجابة الصحيحة.</translation>
    </message>
    <message>
        <source>Not quite. Please read this, then try again.</source>
        <translation type="unfinished">ليس تمامًا. يرجى قراءة هذا، ثم المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>Not quite. The right answer is “{answer}”. The nurse will go over this with you.</source>
        <translation type="unfinished">ليس تمامًا. الإجابة الصحيحة هي «{answer}». ستراجع الممرضة هذا معك.</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation type="unfinished">الخطوة {number} من {total}</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation type="unfinished">السؤال {number} من {total}</translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished">مسافة</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished">مسح الكل</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">حذف</translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished">موافق</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">تم</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">إلغاء</translation>
    </message>
    <message>
        <source>Tap to enter</source>
        <translation type="unfinished">المس للكتابة</translation>
    </message>
    <message>
        <source>Read this to me</source>
        <translation type="unfinished">اقرأ هذا لي</translation>
    </message>
    <message>
        <source>I need help</source>
        <translation type="unfinished">أحتاج إلى مساعدة</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation type="unfinished">الممرضة</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation type="unfinished">أوقف القراءة</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished">الزوج/الزوجة</translation>
    </message>
    <message>
        <source>Son or daughter</source>
        <translation type="unfinished">ابن أو ابنة</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation type="unfinished">صديق</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished">أحد الوالدين</translation>
    </message>
    <message>
        <source>Who is looking after you?</source>
        <translation type="unfinished">من سيعتني بك؟</translation>
    </message>
    <message>
        <source>Their name</source>
        <translation type="unfinished">اسمه</translation>
    </message>
    <message>
        <source>For example: wife, son, friend</source>
        <translation type="unfinished">مثلًا: زوجة، ابن، صديق</translation>
    </message>
    <message>
        <source>Their phone number</source>
        <translation type="unfinished">رقم هاتفه</translation>
    </message>
    <message>
        <source>Tap to type</source>
        <translation type="unfinished">المس للكتابة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">الاسم</translation>
    </message>
    <message>
        <source>Who they are to you</source>
        <translation type="unfinished">صلة القرابة بك</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished">الهاتف</translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished">رجوع</translation>
    </message>
    <message>
        <source>Nobody is staying with me</source>
        <translation type="unfinished">لن يبقى أحد معي</translation>
    </message>
    <message>
        <source>They will stay with me</source>
        <translation type="unfinished">سيبقى معي</translation>
    </message>
    <message>
        <source>An adult must take you home and stay with you for {hours} hours: until {until}. They must not leave you alone before then.</source>
        <translation type="unfinished">يجب أن يأخذك شخص بالغ إلى المنزل ويبقى معك لمدة {hours} ساعة: حتى {until}. ويجب ألا يتركك وحدك قبل ذلك.</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">هل ما زلت هنا؟</translation>
    </message>
    <message>
        <source>For your privacy, this screen will close soon. Touch the button to carry on.</source>
        <translation type="unfinished">حفاظًا على خصوصيتك، ستُغلق هذه الشاشة قريبًا. المس الزر للمتابعة.</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation type="unfinished">نعم، ما زلت هنا</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation type="unfinished">1 ثانية</translation>
    </message>
    <message>
        <source>{seconds} seconds</source>
        <translation type="unfinished">{seconds} ثانية</translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished">التالي</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished">حاول مرة أخرى</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation type="unfinished">شكرًا</translation>
    </message>
    <message>
        <source>You have finished. Please hand the tablet back to your nurse.</source>
        <translation type="unfinished">لقد انتهيت. يرجى إعادة الجهاز اللوحي إلى الممرضة.</translation>
    </message>
    <message>
        <source>Nurse: take the tablet back</source>
        <translation type="unfinished">الممرضة: استعيدي الجهاز اللوحي</translation>
    </message>
    <message>
        <source>Thank you, {name}</source>
        <translation type="unfinished">شكرًا، {name}</translation>
    </message>
    <message>
        <source>Please ask a nurse</source>
        <translation type="unfinished">يرجى طلب الممرضة</translation>
    </message>
    <message>
        <source>You need an adult to stay with you for 24 hours after this procedure. A nurse will talk to you about how to get home safely.</source>
        <translation type="unfinished">تحتاج إلى شخص بالغ يبقى معك لمدة 24 ساعة بعد هذا الإجراء. ستتحدث معك الممرضة عن كيفية الوصول إلى المنزل بأمان.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished">حدث خطأ ما</translation>
    </message>
    <message>
        <source>Please ask a nurse. Everything you have confirmed is saved.</source>
        <translation type="unfinished">يرجى طلب الممرضة. كل ما أكدته محفوظ.</translation>
    </message>
    <message>
        <source>Records cannot be saved</source>
        <translation type="unfinished">لا يمكن حفظ السجلات</translation>
    </message>
    <message>
        <source>Please ask a nurse. Nurse: stop using the kiosk for discharges. Discharge patients on paper and call IT. Do not delete any file of the kiosk.</source>
        <translation type="unfinished">يرجى طلب الممرضة. Nurse: stop using the kiosk for discharges. Discharge patients on paper and call IT. Do not delete any file of the kiosk.</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation type="unfinished">فهمت</translation>
    </message>
    <message>
        <source>Get help if you have any of these</source>
        <translation type="unfinished">اطلب المساعدة إذا كان لديك أي من هذه</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation type="unfinished">اتصل:</translation>
    </message>
    <message>
        <source>Call one of:</source>
        <translation type="unfinished">اتصل بأحد هؤلاء:</translation>
    </message>
    <message>
        <source>↓ Scroll down to read every warning sign. Then you can tap “I understand”.</source>
        <translation type="unfinished">↓ مرّر إلى الأسفل لقراءة كل علامات الخطر. بعد ذلك يمكنك لمس «فهمت».</translation>
    </message>
    <message>
        <source>Get help urgently if</source>
        <translation type="unfinished">اطلب المساعدة فورًا إذا</translation>
    </message>
    <message>
        <source>The nurse has asked you to go through your aftercare on this tablet. Each screen shows one thing. Read it, then touch the big button at the bottom.</source>
        <translation type="unfinished">طلبت منك الممرضة مراجعة تعليمات الرعاية بعد الإجراء على هذا الجهاز اللوحي. تعرض كل شاشة أمرًا واحدًا. اقرأه، ثم المس الزر الكبير في الأسفل.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished">اللغة · Language</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished">حجم النص</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">تباين عالٍ</translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished">ابدأ</translation>
    </message>
    <message>
        <source>Welcome back, {name}</source>
        <translation type="unfinished">مرحبًا بعودتك، {name}</translation>
    </message>
    <message>
        <source>Hello, {name}</source>
        <translation type="unfinished">مرحبًا، {name}</translation>
    </message>
    <message>
        <source>About your {procedure}</source>
        <translation type="unfinished">عن الإجراء الذي خضعت له: {procedure}</translation>
    </message>
    <message>
        <source>This takes about {minutes} minutes.</source>
        <translation type="unfinished">يستغرق هذا حوالي {minutes} دقائق.</translation>
    </message>
    <message>
        <source>This takes a minute.</source>
        <translation type="unfinished">يستغرق هذا دقيقة واحدة.</translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation type="unfinished">متابعة</translation>
    </message>
    <message>
        <source>A nurse is on the way</source>
        <translation type="unfinished">الممرضة في الطريق إليك</translation>
    </message>
    <message>
        <source>Please stay where you are. Everything you have done so far is saved, and you will carry on from here.</source>
        <translation type="unfinished">يرجى البقاء في مكانك. كل ما قمت به حتى الآن محفوظ، وستكمل من هنا.</translation>
    </message>
    <message>
        <source>Nurse: answer this call</source>
        <translation type="unfinished">الممرضة: الرد على هذا النداء</translation>
    </message>
    <message>
        <source>Please type a phone number.</source>
        <translation type="unfinished">يرجى كتابة رقم هاتف.</translation>
    </message>
    <message>
        <source>That phone number contains a hidden character. Please type it again.</source>
        <translation type="unfinished">يحتوي رقم الهاتف هذا على حرف مخفي. يرجى كتابته مرة أخرى.</translation>
    </message>
    <message>
        <source>That does not look like a phone number. Please check the digits.</source>
        <translation type="unfinished">لا يبدو هذا رقم هاتف. يرجى التحقق من الأرقام.</translation>
    </message>
    <message>
        <source>the name</source>
        <translation type="unfinished">الاسم</translation>
    </message>
    <message>
        <source>Please type the name.</source>
        <translation type="unfinished">يرجى كتابة الاسم.</translation>
    </message>
    <message>
        <source>A name needs at least one letter you can see.</source>
        <translation type="unfinished">يجب أن يحتوي الاسم على حرف واحد ظاهر على الأقل.</translation>
    </message>
    <message>
        <source>A name cannot contain numbers. Please check it.</source>
        <translation type="unfinished">لا يمكن أن يحتوي الاسم على أرقام. يرجى التحقق منه.</translation>
    </message>
    <message>
        <source>A name cannot contain “{character}”. Please check it.</source>
        <translation type="unfinished">لا يمكن أن يحتوي الاسم على “{character}”. يرجى التحقق منه.</translation>
    </message>
    <message>
        <source>who they are to you</source>
        <translation type="unfinished">صلة هذا الشخص بك</translation>
    </message>
    <message>
        <source>Please say how they know you, for example: wife, son, friend.</source>
        <translation type="unfinished">يرجى ذكر صلة هذا الشخص بك، مثلاً: زوجة، ابن، صديق.</translation>
    </message>
    <message>
        <source>Please keep it short (at most {most} characters), for example: wife, son, friend.</source>
        <translation type="unfinished">يرجى الاختصار (على الأكثر {most} حرفاً)، مثلاً: زوجة، ابن، صديق.</translation>
    </message>
    <message>
        <source>Please use words, for example: wife, son, friend.</source>
        <translation type="unfinished">يرجى استخدام كلمات، مثلاً: زوجة، ابن، صديق.</translation>
    </message>
    <message>
        <source>a hidden text-direction mark</source>
        <translation type="unfinished">علامة مخفية لاتجاه النص</translation>
    </message>
    <message>
        <source>a control character</source>
        <translation type="unfinished">حرف تحكم</translation>
    </message>
    <message>
        <source>an invisible character</source>
        <translation type="unfinished">حرف غير مرئي</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation type="unfinished">فاصل أسطر</translation>
    </message>
    <message>
        <source>a private-use character</source>
        <translation type="unfinished">حرف للاستخدام الخاص</translation>
    </message>
    <message>
        <source>a character the kiosk cannot show</source>
        <translation type="unfinished">حرف لا يستطيع الجهاز عرضه</translation>
    </message>
    <message>
        <source>There is {problem} in {what}, which cannot be kept. Please type it again without it.</source>
        <translation type="unfinished">يوجد {problem} في {what}، ولا يمكن حفظه. يرجى الكتابة مرة أخرى بدونه.</translation>
    </message>
    <message>
        <source>Too long: at most {most} characters, and this has {length}. Please shorten {what}.</source>
        <translation type="unfinished">طويل جداً: على الأكثر {most} حرفاً، وهذا فيه {length}. يرجى اختصار {what}.</translation>
    </message>
    <message>
        <source>Too long: at most {most} characters ({length} now).</source>
        <translation type="unfinished">طويل جداً: على الأكثر {most} حرفاً (الآن {length}).</translation>
    </message>
    <message>
        <source>That is the most this can hold ({most} characters).</source>
        <translation type="unfinished">هذا أقصى ما يتسع له الحقل ({most} حرفاً).</translation>
    </message>
    <message>
        <source>what you typed</source>
        <translation type="unfinished">ما كتبته</translation>
    </message>
</context>
</TS>
